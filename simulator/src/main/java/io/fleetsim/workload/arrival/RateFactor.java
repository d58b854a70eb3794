package io.fleetsim.workload.arrival;

/**
 * A non-negative multiplier of the arrival rate over time, smooth between break points. Callers
 * move forward in time: they ask {@link #nextBreak} at the start of a piece and then evaluate only
 * inside it, which lets random factors generate their path lazily.
 */
public interface RateFactor {

    /** The multiplier at time {@code t}. */
    double valueAt(double t);

    /** The first time after {@code t} where the multiplier may jump or change formula (or infinity). */
    double nextBreak(double t);
}
