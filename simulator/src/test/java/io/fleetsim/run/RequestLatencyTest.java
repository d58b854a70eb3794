package io.fleetsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return run(latency, 3);
    }

    private static Latencies run(String performance, double rate) {
        return run(performance, rate, "");
    }

    /** One pool of one H100 serving Llama 3.1 8B with {@code performance}, and {@code poolLines} more. */
    private static Latencies run(String performance, double rate, String poolLines) {
        String scenario = """
                name: t
                seed: 3
                horizon: 10m
                workload:
                  arrivals: {process: poisson, rate_per_s: %s}
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
                    performance: {%s}
                """.formatted(rate, performance.contains(":") ? performance : "request_latency: " + performance)
                + poolLines;
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

    @Test
    void aRequestAloneAtItsReplicaWaitsOneTimePerRequestInFlight() {
        // One request every 100 s on average, each done in well under a second: every request is
        // alone at the replica when it is taken, so the front end adds 7 ms to each.
        Latencies constant = run("request_latency: 120ms, request_latency_per_in_flight: 0ms", 0.01);
        Latencies growing = run("request_latency: 120ms, request_latency_per_in_flight: 7ms", 0.01);
        assertEquals(constant.ttft().count(), growing.ttft().count());
        assertEquals(constant.ttft().meanMs() + 7, growing.ttft().meanMs(), 1e-6);
        assertEquals(constant.e2e().meanMs() + 7, growing.e2e().meanMs(), 1e-6);
        assertEquals(constant.tpot().meanMs(), growing.tpot().meanMs(), 1e-9);
    }

    @Test
    void underLoadTheFrontEndAddsMoreTheMoreRequestsAreInFlight() {
        // At 3 req/s requests overlap: each adds 7 ms per request in service when taken, itself
        // included, so more than 7 ms on average, and never more than the batch it joined.
        Latencies constant = run("request_latency: 120ms, request_latency_per_in_flight: 0ms", 3);
        Latencies growing = run("request_latency: 120ms, request_latency_per_in_flight: 7ms", 3);
        double added = growing.ttft().meanMs() - constant.ttft().meanMs();
        assertTrue(added > 7 * 1.05, "added " + added + " ms");
        assertEquals(added, growing.e2e().meanMs() - constant.e2e().meanMs(), 1e-6);
        assertEquals(constant.tpot().meanMs(), growing.tpot().meanMs(), 1e-9);
    }

    private static Latencies disaggregated(String performance) {
        return run(performance, 0.01, """
                    disaggregation:
                      prefill: {replicas: 1, tensor_parallel: 1}
                      decode: {replicas: 1, tensor_parallel: 1}
                      link: {kind: nvlink}
                """);
    }

    @Test
    void aDisaggregatedPoolsClientsWaitAtItsPrefillSidesFrontEnd() {
        // Requests alone at the pool: the prefill worker that takes one has it alone in service,
        // so its client waits the constant 120 ms and one 7 ms more, as at an aggregated replica.
        Latencies none = disaggregated("request_latency: 0ms, request_latency_per_in_flight: 0ms");
        Latencies some = disaggregated("request_latency: 120ms, request_latency_per_in_flight: 7ms");
        assertEquals(none.ttft().count(), some.ttft().count());
        assertTrue(none.ttft().count() > 0);
        assertEquals(none.ttft().meanMs() + 127, some.ttft().meanMs(), 1e-6);
        assertEquals(none.e2e().meanMs() + 127, some.e2e().meanMs(), 1e-6);
        assertEquals(none.tpot().meanMs(), some.tpot().meanMs(), 1e-9);
    }
}
