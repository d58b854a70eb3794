package io.fleetsim.workload.arrival;

import io.fleetsim.random.RandomStream;

/** Exponential gaps of mean 1: a Poisson process in operational time. */
public final class ExponentialGaps implements RenewalGaps {

    private final RandomStream stream;

    /** Gaps drawn from {@code stream}. */
    public ExponentialGaps(RandomStream stream) {
        this.stream = stream;
    }

    @Override
    public double next() {
        return stream.nextExponential(1);
    }

    /** Memoryless: the residual is one more gap. */
    @Override
    public double firstResidual() {
        return next();
    }
}
