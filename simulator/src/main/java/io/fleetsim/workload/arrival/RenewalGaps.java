package io.fleetsim.workload.arrival;

/**
 * Gaps of a renewal process with mean 1, measured in operational time (expected arrivals), so
 * that a rate profile can stretch them into real time.
 */
public interface RenewalGaps {

    /** The next gap. */
    double next();

    /**
     * The time from an arbitrary instant to the next arrival of the process in equilibrium (the
     * forward recurrence time), so that counts are stationary from time 0 rather than only after
     * the first arrival.
     */
    double firstResidual();
}
