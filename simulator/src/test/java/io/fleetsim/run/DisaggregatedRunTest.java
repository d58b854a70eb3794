package io.fleetsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * A whole run of a disaggregated pool: requests, KV transfers, GPU-hours and money add up across
 * its prefill and decode workers, and the same run twice gives the same result.
 */
class DisaggregatedRunTest {

    private static final String SCENARIO = """
            name: pd
            seed: 3
            horizon: 20m
            workload:
              arrivals: {process: poisson, rate_per_s: 4}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 2000}
                  output_tokens: {dist: fixed, tokens: 200}
                  slo: {ttft: 2s, tpot: 60ms}
            pools:
              - name: pd
                kind: reserved
                replicas: 2
                gpu: H100-SXM-80GB
                model: llama-3.1-70b
                usd_per_gpu_hour: 3
                disaggregation:
                  prefill: {replicas: 1, tensor_parallel: 4}
                  decode: {replicas: 2, tensor_parallel: 4}
                  link: {kind: infiniband}
            """;

    private static RunResult run() {
        ScenarioSpec s = new ScenarioLoader().bind(SpecDocument.parse(SCENARIO, "pd.yaml", false));
        return Simulation.run(s);
    }

    @Test
    void requestsKvGpuHoursAndMoneyAddUpAcrossBothSides() {
        RunResult r = run();
        RequestCounts req = r.requests();
        assertEquals(req.arrived(), req.completed() + req.cancelled() + req.rejected() + req.inFlightAtEnd());
        assertTrue(req.completed() > 0.9 * req.arrived(), "the fleet keeps up: " + req.completed());
        PoolResult p = r.pools().get(0);
        DisaggregationResult d = p.disaggregation();
        assertNotNull(d);
        // Every completed request's KV crossed the link once; some of those in flight at the end did too.
        assertTrue(d.transfers() >= req.completed() && d.transfers() <= req.completed() + req.inFlightAtEnd(),
                d.transfers() + " transfers, " + req.completed() + " completed");
        // 2,000 prompt tokens x 327,680 B (llama-3.1-70b, BF16 KV) per transfer
        assertEquals(d.transfers() * 2000 * 327_680.0, d.transferBytes(), 1);
        assertEquals(d.transfers(), d.transferTimes().count());
        // Over an idle link a transfer takes 10 us + 655 MB / (4 x 50 GB/s) = 3.287 ms; never less.
        double idleLinkMs = (10e-6 + 2000 * 327_680.0 / (4 * 50e9)) * 1e3;
        assertTrue(d.transferTimes().p50Ms() >= idleLinkMs * 0.999, "p50 " + d.transferTimes().p50Ms());

        // GPU-hours: 2 deployments x (1 x 4 + 2 x 4 GPUs) for the whole horizon, all paid.
        assertEquals(24, p.gpus());
        assertEquals(24 * 20.0 / 60, p.gpuHours(), 1e-9);
        assertEquals(p.gpuHours() * 3, p.costUsd(), 1e-6);
        double states = p.costByStateUsd().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(p.costUsd(), states, 1e-6);
        // Busy money is the busy GPU-seconds of both sides: utilisation x workers x GPUs x time.
        double busyGpuHours = (d.use().prefillUtilization() * 1 * 4 + d.use().decodeUtilization() * 2 * 4) * 2
                * 20.0 / 60;
        assertEquals(busyGpuHours * 3, p.costByStateUsd().get("busy"), 1e-6);
        assertEquals(p.utilization(), busyGpuHours / p.gpuHours(), 1e-9, "the pool's utilisation weighs GPUs");
        assertTrue(d.use().decodeOccupancy() > 0 && d.use().prefillOccupancy() > 0);
        assertEquals(r.tokens().useful(), p.usefulTokens());
    }

    @Test
    void sameScenarioSameResult() {
        RunResult a = run();
        RunResult b = run();
        assertEquals(a.requests(), b.requests());
        assertEquals(a.pools().get(0).disaggregation(), b.pools().get(0).disaggregation());
        assertEquals(a.costUsd(), b.costUsd(), 0);
    }

    @Test
    void aggregatedPoolsHaveNoDisaggregation() {
        ScenarioSpec s = new ScenarioLoader().bind(SpecDocument.parse(SCENARIO.replace("""
                    disaggregation:
                      prefill: {replicas: 1, tensor_parallel: 4}
                      decode: {replicas: 2, tensor_parallel: 4}
                      link: {kind: infiniband}
                """, "    tensor_parallel: 4\n"), "agg.yaml", false));
        assertNull(Simulation.run(s.withHorizon(60)).pools().get(0).disaggregation());
    }
}
