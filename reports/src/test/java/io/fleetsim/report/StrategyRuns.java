package io.fleetsim.report;

import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Strategy;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped strategies of {@code scenarios/strategies} run once for 20 simulated minutes on the
 * same seed, shared by the chart tests: every strategy meets a 90 % SLO target there, the case
 * that showed the attainment chart's bars running off the top.
 */
final class StrategyRuns {

    private static final String[] FILES = {"all-reserved", "reserved-api-burst", "reserved-spot-api"};
    private static Comparison comparison;

    private StrategyRuns() {
    }

    static synchronized Comparison comparison() {
        if (comparison == null) {
            List<Strategy> strategies = new ArrayList<>();
            ScenarioLoader loader = new ScenarioLoader();
            for (String name : FILES) {
                Path file = Path.of("scenarios", "strategies", name + ".yaml");
                ScenarioSpec spec = loader.load(file).withSeed(42).withHorizon(1200);
                strategies.add(new Strategy(name, file.toString(), spec, Simulation.run(spec)));
            }
            comparison = new Comparison(0.9, strategies);
        }
        return comparison;
    }

    /** The run page's input of strategy {@code i}: its scenario and its run. */
    static RunReport report(int i) {
        Strategy s = comparison().strategies().get(i);
        return new RunReport(s.scenario(), s.result());
    }
}
