package io.fleetsim.serving;

import io.fleetsim.spec.SpeculativeSpec;

/**
 * Step times of a replica decoding speculatively ({@link SpeculativeSpec}): each step the drafter
 * proposes {@code k} tokens per decoding sequence and the target verifies {@code k + 1} per
 * sequence in one pass.
 *
 * <p>The target's pass is timed as a decode iteration of {@code batch x (k + 1)} sequences over
 * the same KV cache (the GEMMs see every verified token; the attention reads each sequence's
 * cache as decode attention does); a mixed step adds the {@code k} extra tokens of every decoding
 * sequence to the prefill tokens, each attending to its sequence's cache. The drafter's cost is
 * {@code k} decode iterations of the draft model over the batch (or, for multi-token prediction,
 * {@code k} times one layer's share of a target decode iteration). Both are closed-form sums of
 * the underlying models' segments, so a stretch of speculative steps is still one event.
 */
final class SpeculativeStepTime implements StepTimeModel {

    private final StepTimeModel target;
    private final StepTimeModel drafter;
    /** Share of a drafter iteration one proposed token costs (1 for a draft model, 1/layers for MTP). */
    private final double draftShare;
    private final int k;

    SpeculativeStepTime(StepTimeModel target, StepTimeModel drafter, double draftShare, int k) {
        this.target = target;
        this.drafter = drafter;
        this.draftShare = draftShare;
        this.k = k;
    }

    @Override
    public double iterationSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double decodeKvTokens,
                                   double kvTokens) {
        double t = target.iterationSeconds(prefillTokens + decodeSeqs * k, prefillContext + k * decodeKvTokens,
                decodeSeqs, decodeKvTokens, kvTokens);
        return decodeSeqs == 0 ? t
                : t + k * draftShare * drafter.iterationSeconds(0, 0, decodeSeqs, decodeKvTokens, decodeKvTokens);
    }

    @Override
    public double decodeSegmentSeconds(int batch, double kvTokens, long n) {
        return target.decodeSegmentSeconds(batch * (k + 1), kvTokens, n)
                + k * draftShare * drafter.decodeSegmentSeconds(batch, kvTokens, n);
    }

    @Override
    public double decodeIterationSeconds(int batch, double kvTokens, long i) {
        return target.decodeIterationSeconds(batch * (k + 1), kvTokens, i)
                + k * draftShare * drafter.decodeIterationSeconds(batch, kvTokens, i);
    }

    @Override
    public StepTimeProvenance provenance() {
        return target.provenance();
    }
}
