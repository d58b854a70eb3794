package io.fleetsim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.PointMetrics;
import io.fleetsim.sweep.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The decision of a comparison on hand-made figures: which strategy wins, on what basis, by how
 * much, and which the replications cannot place. Every strategy carries the same small run (its
 * traffic and SLO targets); the figures judged are given by hand, one per replication.
 */
class ComparisonTest {

    private static final String YAML = """
            name: c
            seed: 7
            horizon: 1m
            workload:
              arrivals: {process: poisson, rate_per_s: RATE}
              routes:
                - name: r
                  prompt_tokens: {dist: fixed, tokens: 10}
                  output_tokens: {dist: fixed, tokens: 10}
                  slo: {ttft: TTFT, tpot: 1s}
            pools:
              - name: p
                kind: reserved
                replicas: 2
                usd_per_gpu_hour: 3
                service_time: {dist: fixed, value: 100ms}
            """;

    private static ScenarioSpec scenario(double rate, String ttft) {
        return new ScenarioLoader().bind(SpecDocument.parse(
                YAML.replace("RATE", Double.toString(rate)).replace("TTFT", ttft), "c.yaml", false));
    }

    private static final ScenarioSpec SCENARIO = scenario(2, "10s");
    private static final RunResult RUN = Simulation.run(SCENARIO);

    /** A strategy whose replications measured these SLO attainments and costs per useful 1M tokens. */
    private static Strategy strategy(String name, double[] slo, double[] unitCost) {
        List<PointMetrics> figures = new ArrayList<>();
        for (int i = 0; i < slo.length; i++) {
            figures.add(new PointMetrics(unitCost[i], slo[i], 100, 10, 1, 1, List.of(), 1000));
        }
        return new Strategy(name, name + ".yaml", SCENARIO, RUN,
                Strategy.summary(figures.get(0), RUN.seed(), figures.subList(1, figures.size())));
    }

    private static Strategy once(String name, double slo, double unitCost) {
        return strategy(name, new double[] {slo}, new double[] {unitCost});
    }

    private static List<String> names(List<Strategy> strategies) {
        return strategies.stream().map(Strategy::name).toList();
    }

    @Test
    void fromOneRunTheCheapestMeetingTheTargetWinsNotTheCheapest() {
        Strategy a = once("a", 0.995, 5);
        Strategy b = once("b", 0.999, 3);
        Strategy cheapButLate = once("c", 0.98, 1);
        Comparison c = new Comparison(0.99, List.of(a, b, cheapButLate));
        assertEquals(Basis.SINGLE_RUN, c.basis());
        assertEquals(List.of(Verdict.MET, Verdict.MET, Verdict.MISSED),
                c.strategies().stream().map(c::verdict).toList());
        Decision d = c.decision();
        assertEquals(Outcome.CHEAPEST_MEETING_TARGET, d.outcome());
        assertEquals(Optional.of(b), d.winner());
        assertTrue(d.leads().isEmpty(), "one run gives no interval to lead by");
        assertTrue(d.marginal().isEmpty(), "one run is met or missed");
    }

    @Test
    void anAttainmentExactlyAtTheTargetMeetsIt() {
        Comparison c = new Comparison(0.99, List.of(once("a", 0.99, 2)));
        assertEquals(Verdict.MET, c.verdict(c.strategies().get(0)));
    }

    @Test
    void onATieTheFirstGivenWins() {
        Strategy a = once("a", 0.995, 4);
        Strategy b = once("b", 0.999, 4);
        assertEquals("a", new Comparison(0.99, List.of(a, b)).decision().winner().orElseThrow().name());
        assertEquals("b", new Comparison(0.99, List.of(b, a)).decision().winner().orElseThrow().name());
        // none meets the target: the closest, and the first of equally close ones
        Strategy x = once("x", 0.9, 1);
        Strategy y = once("y", 0.9, 2);
        assertEquals("x", new Comparison(0.99, List.of(x, y)).decision().named().orElseThrow().name());
        assertEquals("y", new Comparison(0.99, List.of(y, x)).decision().named().orElseThrow().name());
    }

    @Test
    void whenNoneMeetsTheTargetTheClosestIsNamedAndNoWinner() {
        Comparison c = new Comparison(0.99, List.of(once("a", 0.95, 1), once("b", 0.97, 9)));
        Decision d = c.decision();
        assertEquals(Outcome.NONE_MEETS_TARGET, d.outcome());
        assertEquals("b", d.named().orElseThrow().name());
        assertTrue(d.winner().isEmpty());
        Decision nothing = new Comparison(0.99, List.of(once("a", Double.NaN, 1))).decision();
        assertEquals(Outcome.NONE_MEETS_TARGET, nothing.outcome());
        assertTrue(nothing.named().isEmpty(), "no strategy has an attainment to be close with");
    }

    @Test
    void aStrategyWithoutUsefulTokensNeverWins() {
        Strategy noUnitCost = once("a", 1.0, Double.NaN);
        Strategy b = once("b", 0.995, 7);
        assertEquals("b", new Comparison(0.99, List.of(noUnitCost, b)).decision().winner().orElseThrow().name());
    }

    @Test
    void fromReplicationsTheWinnerLeadsByPairedDifferencesAndStraddlersAreMarginal() {
        Strategy a = strategy("a", new double[] {0.995, 0.996, 0.997}, new double[] {3.0, 3.1, 2.9});
        Strategy b = strategy("b", new double[] {0.999, 0.998, 0.999}, new double[] {4.0, 4.2, 3.8});
        Strategy close = strategy("close", new double[] {0.998, 0.997, 0.999}, new double[] {3.1, 3.0, 2.95});
        Strategy straddles = strategy("straddles", new double[] {0.98, 0.995, 0.999}, new double[] {1, 1, 1});
        Strategy misses = strategy("misses", new double[] {0.90, 0.91, 0.92}, new double[] {0.5, 0.5, 0.5});
        Comparison c = new Comparison(0.99, List.of(a, b, close, straddles, misses));
        assertEquals(Basis.REPLICATIONS, c.basis());
        assertEquals(3, c.replications());
        assertEquals(List.of(Verdict.MET, Verdict.MET, Verdict.MET, Verdict.MARGINAL, Verdict.MISSED),
                c.strategies().stream().map(c::verdict).toList());

        Decision d = c.decision();
        assertEquals("a", d.winner().orElseThrow().name(), "the cheapest of the three that meet");
        assertEquals(List.of("b", "close"), d.leads().stream().map(l -> l.other().name()).toList());
        // b - a is 1.0, 1.1, 0.9: mean 1, sd 0.1, half-width t(0.975, 2 d.f.) 4.3027 x 0.1 / sqrt 3
        Lead overB = d.leads().get(0);
        assertEquals(1.0, overB.extraCost().mean(), 1e-12);
        assertEquals(4.302653 * 0.1 / Math.sqrt(3), overB.extraCost().halfWidth(), 1e-6);
        assertEquals(Separation.TOLD_APART, overB.separation());
        // close - a is 0.1, -0.1, 0.05: its interval reaches below zero
        Lead overClose = d.leads().get(1);
        assertEquals(0.05 / 3, overClose.extraCost().mean(), 1e-12);
        assertEquals(Separation.NOT_TOLD_APART, overClose.separation());
        assertEquals(List.of("straddles"), names(d.marginal()));
    }

    @Test
    void fromReplicationsNoneMeetingTheTargetStillListsTheMarginal() {
        Strategy straddles = strategy("s", new double[] {0.98, 0.995, 0.999}, new double[] {1, 1, 1});
        Strategy misses = strategy("m", new double[] {0.90, 0.91, 0.92}, new double[] {1, 1, 1});
        Decision d = new Comparison(0.99, List.of(misses, straddles)).decision();
        assertEquals(Outcome.NONE_MEETS_TARGET, d.outcome());
        assertEquals("s", d.named().orElseThrow().name(), "the higher mean attainment");
        assertTrue(d.leads().isEmpty());
        assertEquals(List.of("s"), names(d.marginal()));
    }

    @Test
    void everyStrategyNeedsTheSameReplications() {
        Strategy one = once("a", 1, 1);
        Strategy two = strategy("b", new double[] {1, 1}, new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> new Comparison(0.99, List.of(one, two)));
    }

    @Test
    void runsOnTheSameWorkloadAndSeedSawTheSameTraffic() {
        Strategy a = new Strategy("a", "a.yaml", SCENARIO, RUN);
        Strategy again = new Strategy("b", "b.yaml", SCENARIO, Simulation.run(SCENARIO));
        Comparison c = new Comparison(0.99, List.of(a, again));
        assertTrue(c.sameTraffic());
        assertTrue(c.trafficDifferences().isEmpty());
        assertTrue(c.sloDifferences().isEmpty());
    }

    @Test
    void aHeavierLoadIsOtherTrafficAndOtherTargetsAreNamedByRoute() {
        ScenarioSpec heavier = scenario(4, "10s");
        ScenarioSpec stricter = scenario(2, "1s");
        Strategy a = new Strategy("a", "a.yaml", SCENARIO, RUN);
        Strategy load = new Strategy("load", "load.yaml", heavier, Simulation.run(heavier));
        Strategy strict = new Strategy("strict", "strict.yaml", stricter, Simulation.run(stricter));
        Comparison c = new Comparison(0.99, List.of(a, load, strict));
        assertFalse(c.sameTraffic());
        assertEquals(1, c.trafficDifferences().size(), "the stricter SLO sees the same requests");
        TrafficDifference d = c.trafficDifferences().get(0);
        assertEquals("load", d.strategy().name());
        assertEquals("a", d.reference().name());
        assertTrue(d.aspects().contains(TrafficAspect.REQUESTS_BY_ROUTE), d.aspects().toString());
        assertFalse(d.aspects().contains(TrafficAspect.SEED), "same seed, other rate");
        assertTrue(d.traffic().arrived() > d.referenceTraffic().arrived(), "twice the rate");
        assertEquals(List.of(new SloDifference(strict, a, "r")), c.sloDifferences());
    }

    @Test
    void runsAreJudgedOnTheirMeasuredFiguresFromOneRun() {
        // a strategy built from its run judges that run's own attainment and unit cost
        Strategy s = new Strategy("a", "a.yaml", SCENARIO, RUN);
        assertEquals(RUN.sloAttainment(), s.estimate(Metric.SLO_ATTAINMENT).mean());
        assertEquals(RUN.costPerUsefulMtokUsd(), Comparison.unitCost(s));
        assertEquals(Set.of(), s.traffic().differencesFrom(s.traffic()));
    }
}
