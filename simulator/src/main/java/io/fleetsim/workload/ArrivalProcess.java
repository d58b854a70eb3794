package io.fleetsim.workload;

import io.fleetsim.random.RandomStream;
import io.fleetsim.scenario.ArrivalSpec;

/** Generates arrival times one after another. */
public interface ArrivalProcess {

    /** The first arrival strictly after {@code time}. */
    double nextArrivalAfter(double time);

    /** The process a spec describes, drawing from {@code stream}. */
    static ArrivalProcess of(ArrivalSpec spec, RandomStream stream) {
        if (spec instanceof ArrivalSpec.Poisson p) {
            return new PoissonArrivals(p.ratePerSecond(), stream);
        }
        throw new IllegalArgumentException("unsupported arrival process " + spec);
    }
}
