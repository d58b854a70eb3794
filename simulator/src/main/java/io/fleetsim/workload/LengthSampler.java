package io.fleetsim.workload;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.workload.length.EmpiricalSampler;
import io.fleetsim.workload.length.LognormalSampler;
import io.fleetsim.workload.length.ParetoSampler;
import io.fleetsim.workload.length.TruncatedNormalSampler;
import io.fleetsim.workload.length.UniformSampler;

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
        if (spec instanceof LengthSpec.Uniform u) {
            return new UniformSampler(u, stream);
        }
        if (spec instanceof LengthSpec.TruncatedNormal n) {
            return new TruncatedNormalSampler(n, stream);
        }
        if (spec instanceof LengthSpec.Lognormal l) {
            return new LognormalSampler(l, stream);
        }
        if (spec instanceof LengthSpec.Pareto p) {
            return new ParetoSampler(p, stream);
        }
        if (spec instanceof LengthSpec.Empirical e) {
            return new EmpiricalSampler(e.column(), stream);
        }
        throw new IllegalArgumentException("unsupported length distribution " + spec);
    }
}
