package io.fleetsim.workload.arrival;

import io.fleetsim.spec.RateFactorSpec;
import java.util.List;

/** Scheduled surges: each multiplies the rate during {@code [start, start + duration)}. */
public final class FlashCrowdFactor implements RateFactor {

    private final double[] starts;
    private final double[] ends;
    private final double[] multipliers;

    /** The factor a spec describes. */
    public FlashCrowdFactor(RateFactorSpec.FlashCrowds spec) {
        List<RateFactorSpec.FlashCrowd> crowds = spec.crowds();
        starts = new double[crowds.size()];
        ends = new double[crowds.size()];
        multipliers = new double[crowds.size()];
        for (int i = 0; i < crowds.size(); i++) {
            RateFactorSpec.FlashCrowd c = crowds.get(i);
            starts[i] = c.startSeconds();
            ends[i] = c.startSeconds() + c.durationSeconds();
            multipliers[i] = c.multiplier();
        }
    }

    @Override
    public double valueAt(double t) {
        double value = 1;
        for (int i = 0; i < starts.length; i++) {
            if (t >= starts[i] && t < ends[i]) {
                value *= multipliers[i];
            }
        }
        return value;
    }

    @Override
    public double nextBreak(double t) {
        double next = Double.POSITIVE_INFINITY;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] > t) {
                next = Math.min(next, starts[i]);
            }
            if (ends[i] > t) {
                next = Math.min(next, ends[i]);
            }
        }
        return next;
    }
}
