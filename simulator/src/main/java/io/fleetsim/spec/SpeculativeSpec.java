package io.fleetsim.spec;

import io.fleetsim.hardware.LlmModel;
import java.util.List;

/**
 * Speculative decoding on a pool: each decode step a drafter proposes {@code tokens} tokens per
 * sequence, the target model verifies them together with one token of its own in one forward
 * pass, and the accepted prefix plus that token advance the sequence.
 *
 * @param method     {@code draft} (a smaller model on the same GPUs) or {@code mtp} (the target's
 *                   multi-token-prediction heads, as DeepSeek-V3 ships)
 * @param tokens     tokens proposed per step, k &ge; 1
 * @param acceptance probability that each proposed token is accepted given the ones before it
 *                   were: a rate, or a distribution of each request's rate
 * @param byRoute    the acceptance of each route, by route index (the scenario's order), where the
 *                   scenario sets one per route; empty when every route has {@code acceptance}
 * @param draft      the draft model for {@code draft}, null for {@code mtp}
 */
public record SpeculativeSpec(String method, int tokens, AcceptanceSpec acceptance, List<AcceptanceSpec> byRoute,
                              LlmModel draft) {

    /** A draft model. */
    public static final String DRAFT = "draft";
    /** Multi-token prediction heads of the target. */
    public static final String MTP = "mtp";

    public SpeculativeSpec {
        byRoute = List.copyOf(byRoute);
    }

    /** Every request of every route at one acceptance rate. */
    public SpeculativeSpec(String method, int tokens, double acceptance, LlmModel draft) {
        this(method, tokens, new AcceptanceSpec.Fixed(acceptance), List.of(), draft);
    }

    /** The acceptance of route {@code route}'s requests. */
    public AcceptanceSpec acceptanceOf(int route) {
        return route < byRoute.size() ? byRoute.get(route) : acceptance;
    }

    /** Whether every request of every route has the same fixed rate. */
    public boolean oneRate() {
        return !acceptance.varies() && byRoute.stream().allMatch(a -> a.equals(acceptance));
    }

    /** Expected tokens a step adds at the mean of {@code acceptance} ({@link #tokensPerStep(double, int)}). */
    public double tokensPerStep() {
        return tokensPerStep(acceptance.mean(), tokens);
    }

    /**
     * Expected tokens a step adds to a sequence at acceptance rate {@code a} with {@code k}
     * proposals: the accepted prefix plus the target's own token, {@code (1 - a^(k+1)) / (1 - a)}
     * ({@code k + 1} at {@code a = 1}, 1 at {@code a = 0}) (Leviathan et al., 2023, eq. 1).
     */
    public static double tokensPerStep(double a, int k) {
        if (a >= 1) {
            return k + 1;
        }
        return (1 - Math.pow(a, k + 1)) / (1 - a);
    }
}
