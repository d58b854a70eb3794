package io.fleetsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Preemptions counted per pool: two pools of replicas whose KV caches are kept small (a quarter of
 * an H100's memory for an 8B model) and over-filled with long answers, each fed by its own route.
 * The pools' counts must add up to the fleet's, and each pool's must equal its only route's
 * (counted on the request side, a separate ledger).
 */
class PoolPreemptionsRunTest {

    private static final String SCENARIO = """
            name: preempt-pools
            seed: 3
            horizon: 2m
            workload:
              arrivals: {process: poisson, rate_per_s: 20}
              routes:
                - name: a
                  pool: small
                  share: 1
                  prompt_tokens: {dist: uniform, min: 200, max: 2000}
                  output_tokens: {dist: uniform, min: 200, max: 1500}
                  slo: {ttft: 10s, tpot: 1s}
                - name: b
                  pool: big
                  share: 1
                  prompt_tokens: {dist: uniform, min: 200, max: 2000}
                  output_tokens: {dist: uniform, min: 200, max: 1500}
                  slo: {ttft: 10s, tpot: 1s}
            pools:
              - name: small
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                memory_utilization: 0.23
                max_model_len: 4096
                usd_per_gpu_hour: 2.5
              - name: big
                kind: reserved
                replicas: 2
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                memory_utilization: 0.25
                max_model_len: 4096
                usd_per_gpu_hour: 2.5
            """;

    @Test
    void eachPoolsPreemptionsAreItsRoutesAndTheyAddUpToTheFleets() {
        RunResult run = Simulation.run(new ScenarioLoader().bind(SpecDocument.parse(SCENARIO, "p.yaml", false)));
        PoolResult small = run.pools().get(0);
        PoolResult big = run.pools().get(1);
        assertTrue(small.preemptions() > 0 && big.preemptions() > 0,
                "both KV caches overflow: " + small.preemptions() + ", " + big.preemptions());
        assertEquals(run.preemptions(), small.preemptions() + big.preemptions());
        assertEquals(run.routes().get(0).preemptions(), small.preemptions(), "route a is served by small only");
        assertEquals(run.routes().get(1).preemptions(), big.preemptions(), "route b is served by big only");

        // A cache kept nearly full: weighted by time or read at the samples, the mean is about the same.
        for (PoolResult p : run.pools()) {
            double sampled = run.kvCacheUtilization(p.name()).mean();
            assertEquals(sampled, p.kvTime().mean(), 0.05, p.name());
            assertTrue(p.kvTime().mean() <= 1, p.name());
        }
    }
}
