package io.fleetsim.workload.arrival;

import io.fleetsim.spec.RateFactorSpec;

/** Compound growth {@code factor^(t / per)}: 1 at time 0, smooth everywhere. */
public final class GrowthFactor implements RateFactor {

    private final double logGrowthPerSecond;

    /** The factor a spec describes. */
    public GrowthFactor(RateFactorSpec.Growth spec) {
        this.logGrowthPerSecond = StrictMath.log(spec.factor()) / spec.perSeconds();
    }

    @Override
    public double valueAt(double t) {
        return StrictMath.exp(logGrowthPerSecond * t);
    }

    @Override
    public double nextBreak(double t) {
        return Double.POSITIVE_INFINITY;
    }
}
