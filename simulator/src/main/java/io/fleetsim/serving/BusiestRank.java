package io.fleetsim.serving;

/**
 * The busiest attention data-parallel rank's share of an iteration, as both step-time models
 * split a batch over a replica's ranks: decode sequences {@code ceil(sequences / ranks)}; prompts
 * of the chunk's mean length {@code ceil(prompts / ranks)}, a single prompt or chunk on one rank.
 */
final class BusiestRank {

    private BusiestRank() {
    }

    /** Sequences of {@code sequences} the busiest of {@code ranks} ranks runs: all of them without ranks. */
    static int sequences(int ranks, int sequences) {
        return ranks == 1 ? sequences : (sequences + ranks - 1) / ranks;
    }

    /**
     * Prompt tokens of a {@code prefillTokens}-token chunk whose tokens attend to
     * {@code prefillContext} tokens in all that the busiest of {@code ranks} ranks prefills: the
     * chunk's prompts taken of its mean length ({@code 2 x context / tokens}, as a prompt
     * prefilled from scratch attends to half its length on average).
     */
    static int prefillTokens(int ranks, int prefillTokens, double prefillContext) {
        if (prefillTokens <= 0 || ranks == 1) {
            return Math.max(0, prefillTokens);
        }
        double length = Math.max(1, 2 * prefillContext / prefillTokens);
        double prompts = prefillTokens / length;
        double share = prompts <= 1 ? prompts : Math.min(prompts, Math.ceil(prompts / ranks - 1e-9));
        return (int) Math.min(prefillTokens, Math.ceil(share * length - 1e-9));
    }
}
