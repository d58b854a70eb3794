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
import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
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
    void acceptanceDistributionsAndRoutesOutsideTheirRangesAreRefused() {
        String p = "pools[0].speculative.";
        fails(BASE.replace("acceptance: 0.7", "acceptance: {dist: beta, mean: 0.7, sd: 0.5}"), p + "acceptance.sd",
                "below sqrt(mean x (1 - mean)) = 0.4583");
        fails(BASE.replace("acceptance: 0.7", "acceptance: {dist: beta, mean: 1, sd: 0.1}"), p + "acceptance.mean",
                "strictly between 0 and 1");
        fails(BASE.replace("acceptance: 0.7", "acceptance: {dist: beta, mean: 1.2, sd: 0.1}"), p + "acceptance.mean",
                "between 0 and 1");
        fails(BASE.replace("acceptance: 0.7", "acceptance: {dist: uniform, min: 0.8, max: 0.6}"),
                p + "acceptance.max", "at least min");
        fails(BASE.replace("acceptance: 0.7", "acceptance: {dist: uniform, min: -0.1, max: 0.6}"),
                p + "acceptance.min", "between 0 and 1");
        fails(BASE.replace("acceptance: 0.7", "acceptance: {dist: normal, mean: 0.7}"), p + "acceptance.dist",
                "one of beta, uniform");
        fails(BASE.replace("acceptance: 0.7", "acceptance: 0.7, acceptance_by_route: {code: 0.9}"),
                p + "acceptance_by_route.code", "unknown route 'code'; routes: chat");
        fails(BASE.replace("acceptance: 0.7", "acceptance: 0.7, acceptance_by_route: {chat: 1.5}"),
                p + "acceptance_by_route.chat", "between 0");
        fails(BASE.replace("acceptance: 0.7", "acceptance: 0.7, acceptance_by_route: 0.9"),
                p + "acceptance_by_route", "must map route names");
    }

    /**
     * One rate per route, by hand: prompts of 500 tokens and answers of 9, k = 3. Route {@code code}
     * at acceptance 1 takes the 8 tokens after the first in 8 / (k + 1) = 2 steps, proposing 2 x 3
     * = 6 drafts and keeping all 6; route {@code chat} at acceptance 0 (the pool's) takes 8 steps,
     * proposing 24 and keeping none.
     */
    @Test
    void eachRouteDecodesAtItsOwnRate() {
        String twoRoutes = BASE.replace("""
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 500}
                      output_tokens: {dist: fixed, tokens: 200}
                """, """
                    - name: chat
                      share: 1
                      prompt_tokens: {dist: fixed, tokens: 500}
                      output_tokens: {dist: fixed, tokens: 9}
                      slo: {ttft: 2s, tpot: 60ms}
                    - name: code
                      share: 1
                      prompt_tokens: {dist: fixed, tokens: 500}
                      output_tokens: {dist: fixed, tokens: 9}
                """).replace("tokens: 4, acceptance: 0.7}", "tokens: 3, acceptance: 0, acceptance_by_route: {code: 1}}");
        RunResult r = Simulation.run(bind(twoRoutes));
        var chat = r.routes().get(0);
        var code = r.routes().get(1);
        assertEquals("code", code.name());
        assertTrue(chat.requests().completed() > 50 && code.requests().completed() > 50);
        assertEquals(chat.requests().arrived(), chat.requests().completed(), "the run drains");
        assertEquals(code.requests().arrived(), code.requests().completed(), "the run drains");
        assertEquals(6 * code.requests().completed(), code.tokens().draftProposed());
        assertEquals(6 * code.requests().completed(), code.tokens().draftAccepted());
        assertEquals(24 * chat.requests().completed(), chat.tokens().draftProposed());
        assertEquals(0, chat.tokens().draftAccepted());
        assertTrue(code.latency().tpot().p50Ms() < chat.latency().tpot().p50Ms() / 2, "4 tokens a step against 1");
    }

    /**
     * Each request's rate drawn from Beta(mean 0.6, sd 0.2) (c = 0.24 / 0.04 - 1 = 5: alpha 3,
     * beta 2): its accepted drafts are {@code 199 - ceil(199 / tps(a))} with
     * {@code tps(a) = (1 - a^5) / (1 - a)}, whose expectation over the Beta (a midpoint sum over
     * 20,000 slices of its CDF) the run's mean must match within 4 standard errors; and the same
     * seed gives the same counts.
     */
    @Test
    void aBetaAcceptanceDrawsEachRequestsRate() {
        String beta = BASE.replace("acceptance: 0.7", "acceptance: {dist: beta, mean: 0.6, sd: 0.2}")
                .replace("rate_per_s: 1", "rate_per_s: 2");
        RunResult r = Simulation.run(bind(beta));
        TokenCounts t = r.tokens();
        // drafts are counted as a decode stretch ends: the requests still decoding at the horizon have none yet
        long n = r.requests().completed();
        assertEquals(0, r.preemptions(), "no stretch cut short");
        var dist = new BetaDistribution(3, 2);
        int slices = 20_000;
        double mean = 0;
        double square = 0;
        for (int i = 0; i < slices; i++) {
            double a = dist.inverseCumulativeProbability((i + 0.5) / slices);
            double accepted = 199 - Math.ceil(199 / ((1 - Math.pow(a, 5)) / (1 - a)));
            mean += accepted / slices;
            square += accepted * accepted / slices;
        }
        double standardError = Math.sqrt((square - mean * mean) / n);
        assertEquals(mean, (double) t.draftAccepted() / n, 4 * standardError,
                "n " + n + ", expected " + mean + " accepted per request");
        assertEquals(t.draftAccepted(), Simulation.run(bind(beta)).tokens().draftAccepted(), "deterministic");
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
        // the latent (and the module's layer of it) is kept whole on each of the 8 GPUs of the TP attention
        long expected = (long) Math.floor((plain.memory().kvCacheBytes() - mtpParams) / ((61 * 576.0 + 576) * 8));
        assertEquals(expected, mtp.kvCacheTokens());
        assertTrue(mtp.kvCacheTokens() < plain.kvCacheTokens());

        // Room for the longest request (163,840 tokens: 5.76 GB of KV on every GPU) without the module but not with it.
        double weightsAndActivations = 671e9 + 8 * 2e9;
        String tight = String.format(Locale.ROOT, "%.4f", (weightsAndActivations + 8 * 7e9) / (8 * 141e9));
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
