package io.fleetsim.spec;

import io.fleetsim.hardware.LlmModel;

/**
 * Speculative decoding on a pool: each decode step a drafter proposes {@code tokens} tokens per
 * sequence, the target model verifies them together with one token of its own in one forward
 * pass, and the accepted prefix plus that token advance the sequence.
 *
 * @param method     {@code draft} (a smaller model on the same GPUs) or {@code mtp} (the target's
 *                   multi-token-prediction heads, as DeepSeek-V3 ships)
 * @param tokens     tokens proposed per step, k &ge; 1
 * @param acceptance probability that each proposed token is accepted given the ones before it
 *                   were, in [0, 1]
 * @param draft      the draft model for {@code draft}, null for {@code mtp}
 */
public record SpeculativeSpec(String method, int tokens, double acceptance, LlmModel draft) {

    /** A draft model. */
    public static final String DRAFT = "draft";
    /** Multi-token-prediction heads of the target. */
    public static final String MTP = "mtp";

    /**
     * Expected tokens a step adds to a sequence: the accepted prefix of the {@code k} proposals
     * plus the target's own token, {@code (1 - a^(k+1)) / (1 - a)} ({@code k + 1} at {@code a = 1},
     * 1 at {@code a = 0}) (Leviathan et al., 2023, eq. 1).
     */
    public double tokensPerStep() {
        if (acceptance >= 1) {
            return tokens + 1;
        }
        return (1 - Math.pow(acceptance, tokens + 1)) / (1 - acceptance);
    }
}
