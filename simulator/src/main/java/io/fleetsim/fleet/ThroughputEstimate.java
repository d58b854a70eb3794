package io.fleetsim.fleet;

/**
 * The recent rate of an event (requests taken from a queue), as an exponentially weighted moving
 * average with a 30-second time constant: each event adds 1/tau, and the sum decays with time.
 */
final class ThroughputEstimate {

    private static final double TAU = 30;

    private double value;
    private double last;

    void taken(double now) {
        value = decayed(now) + 1 / TAU;
        last = now;
    }

    double perSecond(double now) {
        return decayed(now);
    }

    private double decayed(double now) {
        return value * Math.exp(-(now - last) / TAU);
    }
}
