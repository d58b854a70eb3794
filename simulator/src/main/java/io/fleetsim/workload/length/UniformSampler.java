package io.fleetsim.workload.length;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.workload.LengthSampler;

/** Every whole number in {@code [min, max]} with equal probability. */
public final class UniformSampler implements LengthSampler {

    private final int min;
    private final int count;
    private final RandomStream stream;

    /** A sampler of {@code spec} drawing from {@code stream}. */
    public UniformSampler(LengthSpec.Uniform spec, RandomStream stream) {
        this.min = spec.min();
        this.count = spec.max() - spec.min() + 1;
        this.stream = stream;
    }

    @Override
    public int sample() {
        return min + stream.nextInt(count);
    }
}
