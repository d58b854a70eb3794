package io.fleetsim.workload;

import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.workload.arrival.ExponentialGaps;
import io.fleetsim.workload.arrival.GammaGaps;
import io.fleetsim.workload.arrival.IntegratedRate;
import io.fleetsim.workload.arrival.ModulatedArrivals;
import io.fleetsim.workload.arrival.RateProfile;
import io.fleetsim.workload.arrival.TraceArrivals;

/**
 * Generates arrival times one after another; a trace replay also says which recorded request
 * each arrival is.
 */
public interface ArrivalProcess {

    /**
     * The next arrival, given the previous one at {@code time} (0 before the first): not before
     * {@code time}, and equal to it only when arrivals coincide (recorded timestamps, or a gap
     * below double precision). Infinity when no arrival is left before the horizon.
     */
    double nextArrivalAfter(double time);

    /** For a trace replay, the trace row the last arrival copies; -1 for synthetic arrivals. */
    default int lastTraceRow() {
        return -1;
    }

    /**
     * For a trace replay, which copy of the trace (superposed copy, loop cycle) the last arrival
     * belongs to: 0 for the trace as recorded. Requests of different copies are different users.
     */
    default int lastTraceCopy() {
        return 0;
    }

    /**
     * The process a spec describes, up to {@code horizon}. Arrival gaps come from the stream
     * {@code arrivals}; other randomness from streams named {@code arrivals/...}.
     */
    static ArrivalProcess of(ArrivalSpec spec, RandomStreams streams, double horizon) {
        if (spec instanceof ArrivalSpec.Poisson p && p.modulation().isEmpty()) {
            return new PoissonArrivals(p.ratePerSecond(), streams.stream("arrivals"));
        }
        if (spec instanceof ArrivalSpec.Poisson p) {
            return new ModulatedArrivals(new ExponentialGaps(streams.stream("arrivals")),
                    new IntegratedRate(RateProfile.of(p.ratePerSecond(), p.modulation(), streams), horizon));
        }
        if (spec instanceof ArrivalSpec.Gamma g) {
            return new ModulatedArrivals(new GammaGaps(g.cv(), streams.stream("arrivals")),
                    new IntegratedRate(RateProfile.of(g.ratePerSecond(), g.modulation(), streams), horizon));
        }
        return new TraceArrivals((ArrivalSpec.TraceReplay) spec, streams);
    }
}
