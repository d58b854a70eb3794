package io.fleetsim.workload.length;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.workload.LengthSampler;

/**
 * The bounded Pareto on {@code [scale, max]} by inversion of its CDF
 * F(x) = (1 - (scale/x)^alpha) / (1 - (scale/max)^alpha): one uniform draw per length and no
 * clamping, then rounded.
 */
public final class ParetoSampler implements LengthSampler {

    private final double scale;
    private final double inverseAlpha;
    /** P(X <= max) of the unbounded Pareto: the share of it the bound keeps. */
    private final double kept;
    private final int max;
    private final RandomStream stream;

    /** A sampler of {@code spec} drawing from {@code stream}. */
    public ParetoSampler(LengthSpec.Pareto spec, RandomStream stream) {
        this.scale = spec.scale();
        this.inverseAlpha = 1 / spec.alpha();
        this.kept = 1 - Math.pow(spec.scale() / spec.max(), spec.alpha());
        this.max = spec.max();
        this.stream = stream;
    }

    @Override
    public int sample() {
        double x = scale / Math.pow(1 - stream.nextDouble() * kept, inverseAlpha);
        // min() only guards against rounding error in pow at the very top of the range.
        return (int) Math.min(max, Math.round(x));
    }
}
