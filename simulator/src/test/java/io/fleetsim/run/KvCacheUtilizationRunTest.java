package io.fleetsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.KvCacheUtilization;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * KV-cache utilisation in a run where it is known by hand: one closed-loop user thinking 1 ms
 * keeps one request of a 4,095-token prompt and one output token in service, so whenever the
 * sampler reads the replica it holds either the blocks of 4,096 tokens (256 blocks of 16) out of
 * the blocks its memory leaves for the KV cache, or (in a 1 ms gap between requests) none. Weighted
 * by time, the cache is therefore that share full exactly while the replica is busy: the
 * time-weighted mean is the share times the replica's utilisation (its busy clock, kept apart).
 */
class KvCacheUtilizationRunTest {

    private static final String SCENARIO = """
            name: kv
            seed: 1
            horizon: 10m
            workload:
              arrivals: {process: closed_loop, users: 1, think_time: {dist: fixed, value: 1ms}}
              routes:
                - name: long-prompts
                  pool: gpu
                  prompt_tokens: {dist: fixed, tokens: 4095}
                  output_tokens: {dist: fixed, tokens: 1}
                  slo: {ttft: 10s, tpot: 1s}
            pools:
              - name: gpu
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 2.5
              - name: hosted
                kind: api
                api: {usd_per_mtok_input: 1, usd_per_mtok_output: 2, ttft: {dist: fixed, value: 300ms}, output_tokens_per_s: 80}
            """;

    @Test
    void oneRequestAlwaysInServiceHoldsItsBlocksAtEverySample() {
        ScenarioSpec spec = new ScenarioLoader().bind(SpecDocument.parse(SCENARIO, "kv.yaml", false));
        ServerSpec.Llm llm = (ServerSpec.Llm) spec.pools().get(0).server();
        double expected = 256.0 / (llm.memory().kvCacheTokens() / LlmReplica.KV_BLOCK_TOKENS);
        RunResult run = Simulation.run(spec);

        KvCacheUtilization fleet = run.kvCacheUtilization();
        assertEquals(120, fleet.samples(), "a 10-minute run is sampled every 5 s");
        double[] samples = run.timeSeries().values(KvCacheUtilization.COLUMN);
        long full = Arrays.stream(samples).filter(v -> Math.abs(v - expected) < 1e-12).count();
        long empty = Arrays.stream(samples).filter(v -> v == 0).count();
        assertEquals(samples.length, full + empty, "every sample reads 256 blocks or none");
        assertTrue(empty <= 3, "few samples fall in a 1 ms gap: " + empty);
        assertEquals(expected * full / samples.length, fleet.mean(), 1e-12);
        assertEquals(expected, fleet.p50(), 1e-12);
        assertEquals(expected, fleet.p95(), 1e-12);
        assertEquals(expected, fleet.p99(), 1e-12);
        assertEquals(fleet, run.kvCacheUtilization("gpu"), "the only pool with a KV cache is the fleet");
        assertNull(run.kvCacheUtilization("hosted"), "an API pool has no KV cache");
        assertEquals(0, run.preemptions());
        assertTrue(run.requests().completed() > 100, "the user kept the replica busy");

        PoolResult gpu = run.pools().get(0);
        assertEquals(expected * gpu.utilization(), gpu.kvTime().mean(), 1e-9 * expected);
        assertEquals(600, gpu.kvTime().replicaSeconds(), 1e-9, "one replica serving the whole horizon");
        assertEquals(gpu.kvTime().mean(), run.kvTimeWeightedUtilization(), 1e-15, "the API pool adds no KV time");
        assertNull(run.pools().get(1).kvTime());
    }
}
