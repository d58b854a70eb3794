package io.fleetsim.serving;

/**
 * How long one batch iteration of a replica takes ({@link RooflineStepTime}, {@link KernelStepTime}).
 *
 * <p>Between two changes of batch membership, decode iterations differ only by the KV cache
 * growing one token per sequence each iteration; every implementation gives the time of {@code n}
 * such iterations in closed form ({@link #decodeSegmentSeconds}), so a run never loops per token.
 */
public interface StepTimeModel {

    /**
     * One iteration.
     *
     * @param prefillTokens  prompt tokens prefilled in this iteration
     * @param prefillContext sum over those prompt tokens of the context each attends to (for one
     *                       chunk of {@code c} tokens after {@code p} cached ones: c p + c (c+1) / 2)
     * @param decodeSeqs     sequences generating one token each
     * @param decodeKvTokens KV tokens of the decoding sequences (their attention context)
     * @param kvTokens       KV tokens read from memory: the decoding sequences' plus the cached
     *                       part of prompts being prefilled
     */
    double iterationSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double decodeKvTokens,
                            double kvTokens);

    /**
     * Total time of {@code n} consecutive decode-only iterations of {@code batch} sequences,
     * starting with {@code kvTokens} in the cache, which grows by {@code batch} each iteration.
     */
    double decodeSegmentSeconds(int batch, double kvTokens, long n);

    /** The {@code k}-th iteration (from 0) of a decode segment as in {@link #decodeSegmentSeconds}. */
    double decodeIterationSeconds(int batch, double kvTokens, long k);

    /**
     * {@link #decodeIterationSeconds} of the iterations {@code ks[0..count)} of one segment, into
     * {@code out}: the same values, for a model that can share the work between them.
     */
    default void decodeIterationSeconds(int batch, double kvTokens, long[] ks, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = decodeIterationSeconds(batch, kvTokens, ks[i]);
        }
    }

    /** Which profile made these times, where it came from and how well it is backed by data. */
    StepTimeProvenance provenance();

    /** One iteration in which all KV read belongs to decoding sequences. */
    default double iterationSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double kvTokens) {
        return iterationSeconds(prefillTokens, prefillContext, decodeSeqs, kvTokens, kvTokens);
    }

    /**
     * One iteration whose prefill tokens are whole prompts started from scratch (no cached
     * prefix, no earlier chunk): the attention context follows from the token count.
     */
    default double iterationSeconds(int prefillTokens, int decodeSeqs, double kvTokens) {
        return iterationSeconds(prefillTokens, prefillContext(0, prefillTokens), decodeSeqs, kvTokens);
    }

    /**
     * How many whole decode iterations of a segment (as in {@link #decodeSegmentSeconds}) have
     * finished {@code elapsed} seconds after it started, at most {@code max}.
     */
    default long decodeIterationsWithin(int batch, double kvTokens, double elapsed, long max) {
        // Iterations only get longer as the cache grows, so elapsed / first-iteration time is an
        // upper bound; bisect below it.
        double first = decodeSegmentSeconds(batch, kvTokens, 1);
        long lo = 0;
        long hi = Math.min(max, (long) Math.floor(elapsed / first) + 1);
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (decodeSegmentSeconds(batch, kvTokens, mid) <= elapsed) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Attention context of a prefill chunk of {@code chunk} tokens after {@code done} tokens. */
    static double prefillContext(int done, int chunk) {
        return (double) chunk * done + chunk * (chunk + 1.0) / 2;
    }
}
