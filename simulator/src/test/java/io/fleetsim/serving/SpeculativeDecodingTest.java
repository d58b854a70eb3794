package io.fleetsim.serving;

import static io.fleetsim.serving.ReferenceReplica.decode;
import static io.fleetsim.serving.ReferenceReplica.prefill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.SpeculativeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculative decoding on one replica against hand computations. The target is the
 * {@link ReferenceReplica} (llama-3.1-8b, BF16, one H100, roofline 50 % / 70 % / 3 ms):
 * <pre>
 *   decode iteration of d sequences holding kv tokens = 0.003 + max((d F + A kv) / C, (W + K kv) / M)
 * </pre>
 * with multi-token prediction heads as the drafter, each proposed token costing 1/32 (one of the
 * 32 layers) of a decode iteration of the batch.
 */
class SpeculativeDecodingTest {

    private static ServerSpec.Llm replica(SpeculativeSpec speculative) {
        return new ServerSpec.Llm(ReferenceReplica.memory(0.9), 131072, new BatchingSpec(8, 8192),
                PerformanceSpec.DEFAULT, null, 1, speculative);
    }

    /** One request through one replica, from time 0: when it completed, and what the drafter did. */
    private static ServerHarness<LlmReplica> oneRequest(ServerSpec.Llm spec, int prompt, int output) {
        var h = ServerHarness.replica(spec);
        h.arrive(0, prompt, output);
        return h.run();
    }

    @Test
    void acceptanceOneTakesOneStepPerKPlusOneTokens() {
        int prompt = 500;
        int output = 9;
        int k = 3;
        var plain = oneRequest(replica(null), prompt, output);
        var spec = oneRequest(replica(new SpeculativeSpec(SpeculativeSpec.MTP, k, 1, null)),
                prompt, output);
        // Without speculation: 8 decode steps after the prefill's token.
        double plainDecode = 0;
        for (int i = 0; i < output - 1; i++) {
            plainDecode += decode(1, prompt + 1 + i);
        }
        assertEquals(prefill(prompt) + plainDecode, plain.of(0).completedAt(), 1e-12);
        // With it: the 8 tokens in 8 / (k + 1) = 2 steps, each verifying k + 1 = 4 tokens (timed as a
        // decode iteration of 4 sequences over the request's cache, which grows 4 a step) plus k MTP
        // proposals at 1/32 of a decode iteration of the one sequence each.
        double specDecode = 0;
        for (int i = 0; i < 2; i++) {
            specDecode += decode(4, prompt + 1 + 4 * i) + k * decode(1, prompt + 1 + i) / 32;
        }
        assertEquals(plain.firstTokens.get(0L), spec.firstTokens.get(0L), 0, "the prefill is the same");
        assertEquals(prefill(prompt) + specDecode, spec.of(0).completedAt(), 1e-12);
        assertEquals(List.of(2L * k), spec.drafts.stream().map(d -> d[0]).toList(), "2 steps x 3 proposed");
        assertEquals(List.of(6L), spec.drafts.stream().map(d -> d[1]).toList(), "all 6 accepted");
        assertEquals(output - 1, spec.gapTokens, "every output token after the first has its gap");
    }

    @Test
    void acceptanceZeroIsPlainDecodingPlusTheDraftCost() {
        int prompt = 500;
        int output = 9;
        int k = 2;
        var plain = oneRequest(replica(null), prompt, output);
        var spec = oneRequest(replica(new SpeculativeSpec(SpeculativeSpec.MTP, k, 0, null)),
                prompt, output);
        // The same 8 steps, one token each; each step verifies 3 tokens and pays 2 proposals.
        double plainDecode = 0;
        double specDecode = 0;
        for (int i = 0; i < output - 1; i++) {
            plainDecode += decode(1, prompt + 1 + i);
            specDecode += decode(3, prompt + 1 + 3 * i) + k * decode(1, prompt + 1 + i) / 32;
        }
        assertEquals(prefill(prompt) + plainDecode, plain.of(0).completedAt(), 1e-12);
        assertEquals(prefill(prompt) + specDecode, spec.of(0).completedAt(), 1e-12);
        assertTrue(spec.of(0).completedAt() > plain.of(0).completedAt(), "speculation that never hits only costs");
        assertEquals(List.of(8L * k), spec.drafts.stream().map(d -> d[0]).toList());
        assertEquals(List.of(0L), spec.drafts.stream().map(d -> d[1]).toList(), "nothing accepted");
        assertEquals(plain.gapTokens, spec.gapTokens);
    }

    @Test
    void expectedTokensPerStepFollowTheGeometricAcceptance() {
        assertEquals(4, new SpeculativeSpec(SpeculativeSpec.MTP, 3, 1, null).tokensPerStep(), 0);
        assertEquals(1, new SpeculativeSpec(SpeculativeSpec.MTP, 3, 0, null).tokensPerStep(), 0);
        // 1 + 0.5 + 0.25 + 0.125
        assertEquals(1.875, new SpeculativeSpec(SpeculativeSpec.MTP, 3, 0.5, null).tokensPerStep(), 1e-12);
    }
}
