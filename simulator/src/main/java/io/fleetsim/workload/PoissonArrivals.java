package io.fleetsim.workload;

import io.fleetsim.random.RandomStream;

/** Homogeneous Poisson process: exponential gaps with mean 1 / rate. */
public final class PoissonArrivals implements ArrivalProcess {

    private final double meanGap;
    private final RandomStream stream;

    /** A process with {@code ratePerSecond} arrivals per second on average. */
    public PoissonArrivals(double ratePerSecond, RandomStream stream) {
        this.meanGap = 1 / ratePerSecond;
        this.stream = stream;
    }

    @Override
    public double nextArrivalAfter(double time) {
        return time + stream.nextExponential(meanGap);
    }
}
