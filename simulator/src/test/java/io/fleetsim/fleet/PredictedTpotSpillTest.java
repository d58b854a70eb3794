package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * The {@code predicted_tpot} overflow trigger on LLM pools: an LLM replica of Llama 3.1 8B on one
 * H100 cannot produce tokens faster than about 10 ms apart (the weights alone take 16 GB / (3.35
 * TB/s x 0.7) = 6.8 ms to read, plus 3 ms overhead), so with a 1 ms threshold the pool is always
 * saturated, even idle, and with a 10 s threshold never.
 */
class PredictedTpotSpillTest {

    private static RunResult run(String trigger) {
        String text = """
                name: tpot-spill
                seed: 5
                horizon: 10m
                workload:
                  arrivals: {process: poisson, rate_per_s: 2}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 500}
                      output_tokens: {dist: fixed, tokens: 200}
                      slo: {ttft: 2s, tpot: 100ms}
                      pool: llm
                      overflow: {to: [backup], %s}
                pools:
                  - name: llm
                    kind: reserved
                    replicas: 1
                    gpu: H100-SXM-80GB
                    model: llama-3.1-8b
                    max_model_len: 8192
                    usd_per_gpu_hour: 1
                    performance: {compute_efficiency: 0.5, memory_efficiency: 0.7, iteration_overhead: 3ms}
                  - name: backup
                    kind: reserved
                    replicas: 50
                    usd_per_gpu_hour: 1
                    service_time: {dist: fixed, value: 1s}
                """.formatted(trigger);
        ScenarioSpec spec = new ScenarioLoader().bind(SpecDocument.parse(text, "tpot.yaml", false));
        return Simulation.run(spec);
    }

    private static PoolResult pool(RunResult r, String name) {
        return r.pools().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aThresholdBelowTheFastestDecodeStepSpillsEverything() {
        RunResult r = run("predicted_tpot: 1ms");
        assertTrue(r.requests().arrived() > 1000, "enough traffic: " + r.requests().arrived());
        assertEquals(0, pool(r, "llm").routedRequests());
        assertEquals(r.requests().arrived(), pool(r, "backup").routedRequests());
    }

    @Test
    void aThresholdBetweenTheIdleAndTheLoadedStepSpillsOnlyUnderLoad() {
        // One sequence: about 10 ms per token; at 2 requests/s of 200 tokens the batch holds a few
        // sequences and prefill stalls raise recent iterations well above 11 ms at times.
        RunResult r = run("predicted_tpot: 11ms");
        long toLlm = pool(r, "llm").routedRequests();
        long toBackup = pool(r, "backup").routedRequests();
        assertEquals(r.requests().arrived(), toLlm + toBackup);
        assertTrue(toLlm > 0 && toBackup > 0, "llm " + toLlm + ", backup " + toBackup);
    }

    @Test
    void aHugeThresholdNeverSpills() {
        RunResult r = run("predicted_tpot: 10s");
        assertEquals(0, pool(r, "backup").routedRequests());
        assertEquals(r.requests().arrived(), pool(r, "llm").routedRequests());
    }
}
