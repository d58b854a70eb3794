package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.run.Simulation;
import io.fleetsim.spec.ScenarioSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs that could not finish are refused before they start, naming the field to change. */
class FeasibilityTest {

    private static ScenarioSpec quickstart() {
        return new ScenarioLoader().load(Path.of("../scenarios/quickstart.yaml"));
    }

    private static String scenario(String arrivals, String horizon) {
        return """
                name: t
                horizon: %s
                workload:
                  arrivals: %s
                  routes:
                    - {name: chat, prompt_tokens: {dist: fixed, tokens: 10}, output_tokens: {dist: fixed, tokens: 10},
                       slo: {ttft: 1s, tpot: 50ms}}
                pools:
                  - {name: p, kind: reserved, replicas: 1, usd_per_gpu_hour: 1, service_time: {dist: fixed, value: 1s}}
                """.formatted(horizon, arrivals);
    }

    private static ScenarioSpec bind(String text) {
        return new ScenarioLoader().bind(SpecDocument.parse(text, "t.yaml", false));
    }

    @Test
    void aRateThatWouldNeverFinishIsRefusedQuicklyNamingTheRate() {
        ScenarioSpec s = bind(scenario("{process: poisson, rate_per_s: 1e300}", "1h"));
        long start = System.nanoTime();
        ScenarioException e = assertThrows(ScenarioException.class, () -> Simulation.run(s));
        assertTrue((System.nanoTime() - start) / 1e9 < 1, "refused at once");
        assertTrue(e.getMessage().contains("workload.arrivals.rate_per_s") && e.getMessage().contains("ceiling"),
                e.getMessage());
    }

    @Test
    void aHorizonOverAYearIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Simulation.run(quickstart().withHorizon(1e30 * 3600)));
        assertTrue(e.getMessage().contains("horizon: at most 366d"), e.getMessage());
    }

    @Test
    void growthAndClosedLoopsCountToo() {
        assertThrows(ScenarioException.class, () -> Feasibility.check(bind(scenario(
                "{process: poisson, rate_per_s: 1, growth: {per: 1d, factor: 10}}", "60d")), 1e8));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Feasibility.check(bind(scenario(
                "{process: closed_loop, users: 1000000, think_time: {dist: fixed, value: 1ms}}", "1h")), 1e8));
        assertTrue(e.getMessage().contains("workload.arrivals.users"), e.getMessage());
    }

    @Test
    void shippedScenariosAreWellUnderTheCeiling() {
        ScenarioSpec q = quickstart();
        double expected = Feasibility.expectedRequests(q.workload().arrivals(), q.horizonSeconds());
        assertEquals(q.workload().arrivals().meanRatePerSecond() * 3600, expected, 1e-6);
        Feasibility.check(q);
    }

    @Test
    void theCeilingCanBeRaised() {
        ScenarioSpec s = bind(scenario("{process: poisson, rate_per_s: 1e5}", "1d"));
        assertThrows(ScenarioException.class, () -> Feasibility.check(s));
        Feasibility.check(s, 1e10);
    }
}
