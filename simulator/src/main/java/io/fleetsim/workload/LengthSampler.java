package io.fleetsim.workload;

import io.fleetsim.random.RandomStream;
import io.fleetsim.scenario.LengthSpec;

/** Draws token counts from a {@link LengthSpec}. */
public interface LengthSampler {

    /** One length, at least 1. */
    int sample();

    /** The sampler for a spec, drawing from {@code stream}. */
    static LengthSampler of(LengthSpec spec, RandomStream stream) {
        if (spec instanceof LengthSpec.Fixed f) {
            int tokens = f.tokens();
            return () -> tokens;
        }
        if (spec instanceof LengthSpec.Lognormal l) {
            return () -> {
                double x = Math.exp(l.mu() + l.sigma() * stream.nextGaussian());
                return (int) Math.max(l.min(), Math.min(l.max(), Math.round(x)));
            };
        }
        throw new IllegalArgumentException("unsupported length distribution " + spec);
    }
}
