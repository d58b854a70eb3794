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
