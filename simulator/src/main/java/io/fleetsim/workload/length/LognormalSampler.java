package io.fleetsim.workload.length;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.workload.LengthSampler;

/** exp(N(mu, sigma^2)), rounded and clamped to {@code [min, max]}. */
public final class LognormalSampler implements LengthSampler {

    private final LengthSpec.Lognormal spec;
    private final RandomStream stream;

    /** A sampler of {@code spec} drawing from {@code stream}. */
    public LognormalSampler(LengthSpec.Lognormal spec, RandomStream stream) {
        this.spec = spec;
        this.stream = stream;
    }

    @Override
    public int sample() {
        double x = Math.exp(spec.mu() + spec.sigma() * stream.nextGaussian());
        return (int) Math.max(spec.min(), Math.min(spec.max(), Math.round(x)));
    }
}
