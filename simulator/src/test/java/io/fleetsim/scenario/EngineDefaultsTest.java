package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.KvAdmission;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/** What a pool gets from its engine when it does not say: KV admission and KV cache size. */
class EngineDefaultsTest {

    private static final String BASE = """
            name: t
            horizon: 10m
            workload:
              arrivals: {process: poisson, rate_per_s: 2}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 50}
                  slo: {ttft: 1s, tpot: 50ms}
            pools:
              - name: p
                kind: reserved
                replicas: 1
                gpu: B200-180GB
                model: llama-3.1-70b
                precision: fp8
                usd_per_gpu_hour: 5
            """;

    private static ServerSpec.Llm server(String extra) {
        ScenarioSpec s = new ScenarioLoader().bind(SpecDocument.parse(BASE + extra, "e.yaml", false));
        return (ServerSpec.Llm) s.pools().get(0).server();
    }

    @Test
    void tensorRtLlmReservesWholeOutputsAndSizesItsCacheFromFreeMemory() {
        HardwareCatalog catalog = CatalogReader.builtIn();
        ServerSpec.Llm trt = server("    engine: {name: trtllm}\n");
        assertEquals(KvAdmission.RESERVE_OUTPUT, trt.batching().kvAdmission());
        // 0.9 of what the weights and 2 GB of activations leave of 180 GB, by hand.
        double weights = catalog.model("llama-3.1-70b").weightBytes(Precision.FP8);
        double kvBytes = 0.9 * (180e9 - weights - 2e9);
        assertEquals(kvBytes, trt.memory().kvCacheBytes(), 1e-3 * kvBytes);
        ServerSpec.Llm vllm = server("    engine: {name: vllm}\n");
        assertEquals(KvAdmission.ON_PROMPT, vllm.batching().kvAdmission());
        assertEquals(0.9 * 180e9 - weights - 2e9, vllm.memory().kvCacheBytes(), 1e3);
        assertTrue(trt.memory().kvCacheTokens() > vllm.memory().kvCacheTokens());
        ReplicaMemory same = EngineDefaults.memory("sglang", catalog.gpu("B200-180GB"),
                catalog.model("llama-3.1-70b"), 1, Precision.FP8, KvCacheDtype.defaultFor(Precision.FP8));
        assertEquals(vllm.memory(), same);
    }

    @Test
    void aPoolMayChooseItsAdmissionAndABadOneNamesTheField() {
        assertEquals(KvAdmission.ON_PROMPT, server("    engine: {name: trtllm}\n    batching: {kv_admission: on_prompt}\n")
                .batching().kvAdmission());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> server("    batching: {kv_admission: greedy}\n"));
        assertTrue(e.fieldPath().endsWith("batching.kv_admission"), e.getMessage());
        assertTrue(e.problem().contains("reserve_output"), e.getMessage());
    }

    @Test
    void attentionDpBalancingIsOffUnlessAskedAndANegativeWaitNamesTheField() {
        assertEquals(0, server("    engine: {name: trtllm}\n").batching().dpBalanceIterations());
        assertEquals(60, server("    batching: {attention_dp_balance_iterations: 60}\n").batching().dpBalanceIterations());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> server("    batching: {attention_dp_balance_iterations: -1}\n"));
        assertTrue(e.fieldPath().endsWith("batching.attention_dp_balance_iterations"), e.getMessage());
    }
}
