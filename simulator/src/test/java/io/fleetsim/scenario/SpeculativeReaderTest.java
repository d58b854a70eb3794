package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/** A pool's {@code speculative} block: bad input named by its field, and the draft tokens of a run. */
class SpeculativeReaderTest {

    private static final String BASE = """
            name: s
            seed: 5
            horizon: 5m
            workload:
              arrivals: {process: poisson, rate_per_s: 1}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 500}
                  output_tokens: {dist: fixed, tokens: 200}
                  slo: {ttft: 2s, tpot: 60ms}
            pools:
              - name: p
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-70b
                tensor_parallel: 4
                usd_per_gpu_hour: 3
                speculative: {method: draft, draft_model: llama-3.1-8b, tokens: 4, acceptance: 0.7}
            """;

    private static ScenarioSpec bind(String text) {
        return new ScenarioLoader().bind(SpecDocument.parse(text, "s.yaml", false));
    }

    private static void fails(String text, String path, String says) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> bind(text));
        assertEquals("s.yaml", e.file());
        assertEquals(19, e.line(), e.getMessage());
        assertEquals(path, e.fieldPath(), e.getMessage());
        assertTrue(e.problem().contains(says), e.getMessage());
    }

    @Test
    void acceptanceOutsideZeroToOneAndKBelowOneAreRefused() {
        fails(BASE.replace("acceptance: 0.7", "acceptance: 1.5"), "pools[0].speculative.acceptance", "between 0");
        fails(BASE.replace("acceptance: 0.7", "acceptance: -0.1"), "pools[0].speculative.acceptance", "between 0");
        fails(BASE.replace("tokens: 4", "tokens: 0"), "pools[0].speculative.tokens", "between 1");
        fails(BASE.replace("draft_model: llama-3.1-8b", "draft_model: tiny"), "pools[0].speculative.draft_model",
                "unknown model");
        fails(BASE.replace("method: draft", "method: mtp"), "pools[0].speculative.draft_model", "no draft_model");
    }

    @Test
    void theDraftModelTakesItsShareOfMemory() {
        ServerSpec.Llm plain = (ServerSpec.Llm) bind(BASE.replace(
                "    speculative: {method: draft, draft_model: llama-3.1-8b, tokens: 4, acceptance: 0.7}\n", ""))
                .pools().get(0).server();
        ServerSpec.Llm spec = (ServerSpec.Llm) bind(BASE).pools().get(0).server();
        // (KV bytes - 16.06 GB of 8B weights) / (327,680 + 131,072 B per token)
        double expected = Math.floor((plain.memory().kvCacheBytes() - 8.03e9 * 2) / (327_680.0 + 131_072));
        assertEquals((long) expected, spec.kvCacheTokens());
    }

    /** DeepSeek-V3 at FP8 on 8 x H200, with its MTP module as the drafter when {@code speculative} is given. */
    private static String deepseek(String memoryUtilization, String speculative) {
        return BASE.replace("model: llama-3.1-70b", "model: deepseek-v3").replace("H100-SXM-80GB", "H200-SXM-141GB")
                .replace("tensor_parallel: 4", "tensor_parallel: 8\n    precision: fp8\n    memory_utilization: "
                        + memoryUtilization)
                .replace("{method: draft, draft_model: llama-3.1-8b, tokens: 4, acceptance: 0.7}", speculative);
    }

    /**
     * DeepSeek-V3's MTP module by hand from its config.json (hidden 7168, 128 heads, q_lora 1536,
     * kv_lora 512, rope 64, nope 128, v 128; 256 experts and 1 shared of width 2048): attention
     * 7168 x 1536 + 1536 x 128 x 192 + 7168 x 576 + 512 x 128 x 256 + 128 x 128 x 7168 =
     * 187,105,280; routed experts 256 x 3 x 7168 x 2048 = 11,274,289,152; shared expert
     * 44,040,192; router 7168 x 256 = 1,835,008; eh_proj 2 x 7168 x 7168 = 102,760,448; in all
     * 11,610,030,080 parameters (README_WEIGHTS.md of deepseek-ai/DeepSeek-V3: "11.5B unique
     * parameters, excluding the shared 0.9B Embedding and 0.9B output Head"). At FP8 that is 11.61
     * GB of weights, and its one layer caches 576 latent values a token (1 byte each at FP8 KV) beside
     * the model's 61 x 576.
     */
    @Test
    void theMtpModuleTakesOneLayerOfWeightsAndKvCache() {
        double mtpParams = 11_610_030_080.0;
        ServerSpec.Llm plain = (ServerSpec.Llm) bind(deepseek("0.9", "null")).pools().get(0).server();
        assertEquals(mtpParams, plain.memory().model().mtpModuleParams(), 1);
        assertEquals(11.5e9, plain.memory().model().mtpModuleParams(), 0.015 * 11.5e9, "the published figure");
        ServerSpec.Llm mtp = (ServerSpec.Llm) bind(deepseek("0.9", "{method: mtp, tokens: 1, acceptance: 0.85}"))
                .pools().get(0).server();
        assertEquals(61 * 576.0, plain.memory().kvBytesPerToken(), 0, "fp8 latent of 61 layers");
        assertEquals(mtpParams, mtp.drafterWeightBytes(), 1, "one byte a weight at fp8");
        long expected = (long) Math.floor((plain.memory().kvCacheBytes() - mtpParams) / (61 * 576.0 + 576));
        assertEquals(expected, mtp.kvCacheTokens());
        assertTrue(mtp.kvCacheTokens() < plain.kvCacheTokens());

        // Room for the longest request (163,840 tokens: 5.76 GB of KV) without the module but not with it.
        double weightsAndActivations = 671e9 + 8 * 2e9;
        String tight = String.format(java.util.Locale.ROOT, "%.4f", (weightsAndActivations + 8e9) / (8 * 141e9));
        assertTrue(((ServerSpec.Llm) bind(deepseek(tight, "null")).pools().get(0).server()).kvCacheTokens() >= 163_840);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> bind(deepseek(tight, "{method: mtp, tokens: 1, acceptance: 0.85}")));
        assertEquals("pools[0].speculative", e.fieldPath(), e.getMessage());
        assertTrue(e.problem().contains("the MTP module's: one decoder layer, 11.6 GB of weights"), e.getMessage());
    }

    @Test
    void draftTokensAreCountedApartAndRejectedOnesAreWaste() {
        RunResult r = Simulation.run(bind(BASE));
        TokenCounts t = r.tokens();
        assertTrue(t.draftProposed() > 0);
        assertTrue(t.draftAccepted() > 0 && t.draftAccepted() < t.draftProposed());
        assertEquals(t.draftProposed() - t.draftAccepted(), t.wasted().get("rejected_draft"));
        // 4 proposed a step at acceptance 0.7: 0.7 + 0.49 + 0.343 + 0.24 = 1.77 accepted on average
        double perStep = 1.7731;
        assertEquals(perStep / 4, (double) t.draftAccepted() / t.draftProposed(), 0.02);
        assertTrue(t.draftAccepted() <= t.output(), "accepted drafts are output tokens");
    }
}
