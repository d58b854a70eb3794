package io.fleetsim.workload.length;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.workload.LengthSampler;

/**
 * A normal truncated to {@code [min, max]} by rejection: a draw outside is thrown away and drawn
 * again (clamping would pile the tails up on the bounds), then the kept value is rounded. The
 * scenario loader guarantees enough of the mass lies inside for this to end quickly.
 */
public final class TruncatedNormalSampler implements LengthSampler {

    private final LengthSpec.TruncatedNormal spec;
    private final RandomStream stream;

    /** A sampler of {@code spec} drawing from {@code stream}. */
    public TruncatedNormalSampler(LengthSpec.TruncatedNormal spec, RandomStream stream) {
        this.spec = spec;
        this.stream = stream;
    }

    @Override
    public int sample() {
        double x;
        do {
            x = spec.mu() + spec.sigma() * stream.nextGaussian();
        } while (x < spec.min() || x > spec.max());
        return (int) Math.round(x);
    }
}
