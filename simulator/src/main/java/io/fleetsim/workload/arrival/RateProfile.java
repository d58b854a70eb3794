package io.fleetsim.workload.arrival;

import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.RateFactorSpec;
import java.util.List;

/** The arrival rate over time: a base rate times the product of rate factors. */
public final class RateProfile {

    private final double baseRate;
    private final RateFactor[] factors;

    /** A profile of {@code baseRate} arrivals per second times {@code factors}. */
    public RateProfile(double baseRate, List<RateFactor> factors) {
        this.baseRate = baseRate;
        this.factors = factors.toArray(new RateFactor[0]);
    }

    /**
     * The profile a spec describes. Random bursts draw their path from the stream
     * {@code arrivals/bursts}, apart from the arrival gaps, so switching bursts on or off leaves
     * the underlying gaps unchanged.
     */
    public static RateProfile of(double baseRate, List<RateFactorSpec> specs, RandomStreams streams) {
        List<RateFactor> factors = specs.stream().map(spec -> factor(spec, streams)).toList();
        return new RateProfile(baseRate, factors);
    }

    private static RateFactor factor(RateFactorSpec spec, RandomStreams streams) {
        if (spec instanceof RateFactorSpec.Diurnal d) {
            return new DiurnalFactor(d);
        }
        if (spec instanceof RateFactorSpec.FlashCrowds f) {
            return new FlashCrowdFactor(f);
        }
        if (spec instanceof RateFactorSpec.RandomBursts b) {
            return new MarkovBurstFactor(b, streams.stream("arrivals/bursts"));
        }
        return new GrowthFactor((RateFactorSpec.Growth) spec);
    }

    /** Arrivals per second at time {@code t}. */
    public double rate(double t) {
        double r = baseRate;
        for (RateFactor f : factors) {
            r *= f.valueAt(t);
        }
        return r;
    }

    /** The first time after {@code t} where any factor may jump (or infinity). */
    public double nextBreak(double t) {
        double next = Double.POSITIVE_INFINITY;
        for (RateFactor f : factors) {
            next = Math.min(next, f.nextBreak(t));
        }
        return next;
    }
}
