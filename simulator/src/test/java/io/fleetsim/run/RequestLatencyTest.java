package io.fleetsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A pool's request latency (a client's request reaching the engine after HTTP, tokenisation and
 * the front end) adds exactly itself to every TTFT and E2E and nothing to TPOT: an open loop
 * delayed by a constant drives the engine as before.
 */
class RequestLatencyTest {

    private static Latencies run(String latency) {
        String scenario = """
                name: t
                seed: 3
                horizon: 10m
                workload:
                  arrivals: {process: poisson, rate_per_s: 3}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: uniform, min: 100, max: 2000}
                      output_tokens: {dist: uniform, min: 10, max: 300}
                      slo: {ttft: 1s, tpot: 50ms}
                pools:
                  - name: p1
                    kind: reserved
                    replicas: 1
                    gpu: H100-SXM-80GB
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 2.5
                    performance: {request_latency: %s}
                """.formatted(latency);
        return Simulation.run(new ScenarioLoader().bind(SpecDocument.parse(scenario, "t.yaml", false)))
                .routes().get(0).latency();
    }

    @Test
    void requestLatencyShiftsTtftAndE2eOnly() {
        Latencies none = run("0ms");
        Latencies some = run("120ms");
        assertEquals(none.ttft().count(), some.ttft().count());
        assertEquals(none.ttft().meanMs() + 120, some.ttft().meanMs(), 1e-6);
        // percentiles come from a streaming sketch of relative resolution 1e-3: equal to within it
        assertEquals(none.ttft().p50Ms() + 120, some.ttft().p50Ms(), 1e-3 * some.ttft().p50Ms());
        assertEquals(none.e2e().p95Ms() + 120, some.e2e().p95Ms(), 1e-3 * some.e2e().p95Ms());
        assertEquals(none.e2e().meanMs() + 120, some.e2e().meanMs(), 1e-6);
        assertEquals(none.tpot().meanMs(), some.tpot().meanMs(), 1e-9);
    }
}
