package io.fleetsim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.sweep.BatchProgress;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.OptimizeOptions;
import io.fleetsim.sweep.PointExecutor;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.ScenarioText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner on a question whose answer is known: textbook servers at $1 an hour, each doing a
 * job of 100 + 100 tokens a second, against an API at $3 per 1M tokens. One server costs $720 a
 * month, what the API charges for 240M tokens, so the API wins below about 240M tokens a month
 * and self-hosting above (a lone server is far from full there, so the first one decides).
 */
@Tag("scenario")
class PlannerTest {

    private static final String YAML = """
            name: plan-test
            seed: 3
            horizon: 1h
            workload:
              arrivals: {process: poisson, rate_per_s: 1}
              routes:
                - name: jobs
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 100}
                  slo: {ttft: 8s, tpot: 1s}
                  pool: servers
                  overflow: {to: [api], in_flight_per_replica: 3}
            pools:
              - name: servers
                kind: reserved
                replicas: 2
                usd_per_gpu_hour: 1.0
                service_time: {dist: exponential, mean: 1s}
              - name: api
                kind: api
                api: {usd_per_mtok_input: 3.0, usd_per_mtok_output: 3.0, ttft: {dist: fixed, value: 400ms},
                      output_tokens_per_s: 200}
            """;

    @TempDir
    Path tmp;

    private PlanResult plan(String volumes, int points) throws Exception {
        PlanSpec spec = new PlanSpec(new ScenarioText(YAML, "plan-test.yaml", false), null, null,
                MonthlyVolumes.parse(volumes, points), TrafficShape.AS_WRITTEN, List.of(),
                List.of(Constraint.parse("slo_attainment>=0.99")),
                new OptimizeOptions(Metric.COST_PER_USEFUL_MTOK, 3, 6, false));
        try (ResultsLog log = ResultsLog.open(tmp.resolve("results.jsonl"));
             PointExecutor executor = new PointExecutor(2, log)) {
            return Planner.run(spec, executor, BatchProgress.NONE);
        }
    }

    @Test
    void theApiWinsBelowTheBreakEvenVolumeAndServersAbove() throws Exception {
        PlanResult r = plan("30M..3B", 5);
        assertEquals(List.of(PlanStrategy.API_ONLY, PlanStrategy.RESERVED, PlanStrategy.RESERVED_API), r.strategies());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("spot+api: left out")), r.notes().toString());
        PlanDecision low = r.decisions().get(0);
        PlanDecision high = r.decisions().get(r.decisions().size() - 1);
        assertEquals(PlanStrategy.API_ONLY, low.winner().strategy());
        assertEquals(3.0, low.winner().costPerUsefulMtok().mean(), 1e-9, "the API's price is its cost per token");
        assertTrue(!high.winner().strategy().apiOnly(), "self-hosting wins at 3B: " + high.winner().strategy());
        assertTrue(high.winner().costPerUsefulMtok().mean() < 3.0);
        // the offered volume matches: 3B tokens a month is 1,157 jobs of 200 tokens a second / 1,000
        assertEquals(3e9 / MonthlyVolumes.MONTH_SECONDS / 200, high.ratePerS(), 0.05 * high.ratePerS());
        List<PlanResult.Crossover> breakEven = r.breakEven();
        assertEquals(1, breakEven.size(), breakEven.toString());
        assertTrue(breakEven.get(0).volume() > 120e6 && breakEven.get(0).volume() < 480e6,
                "within a factor 2 of the 240M computed by hand: " + breakEven.get(0).volume());
        assertTrue(!breakEven.get(0).selfHostedBelow());
        assertNotNull(high.winner().sizing());
    }

    @Test
    void volumesAndShapesAreReadOrRefusedByName() {
        assertEquals(List.of(1e7, 1e8, 1e9, 1e10, 1e11), MonthlyVolumes.parse("10M..100B", 5));
        assertEquals(List.of(1e9, 5e10), MonthlyVolumes.parse("50B,1B", 3));
        assertEquals("3.16B", MonthlyVolumes.label(3.16227766e9));
        for (String bad : new String[] {"", "100B..10M", "0..10M", "-5M", "ten"}) {
            PlanInputException e = assertThrows(PlanInputException.class, () -> MonthlyVolumes.parse(bad, 5), bad);
            assertEquals(PlanInput.VOLUMES, e.input(), bad);
            assertTrue(e.getMessage().startsWith("volumes"), e.getMessage());
        }
        assertEquals(PlanInput.POINTS, assertThrows(PlanInputException.class,
                () -> MonthlyVolumes.parse("1M..1B", 51)).input());
        assertEquals(5.0, TrafficShape.parse("diurnal:5").peakToTrough());
        PlanInputException shape = assertThrows(PlanInputException.class, () -> TrafficShape.parse("wavy"));
        assertEquals(PlanInput.SHAPE, shape.input());
        assertEquals("wavy", shape.given());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanStrategy.fromId("gpu-farm"))
                .getMessage().contains("strategies: all-api, reserved"));
    }
}
