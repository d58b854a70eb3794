package io.fleetsim.workload.arrival;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.RateFactorSpec;

/**
 * Random bursts from a two-state continuous-time Markov chain (normal, burst): the multiplier is
 * 1 in the normal state and the spec's multiplier in a burst. Sojourns are exponential with means
 * {@code meanInterval - meanDuration} (normal) and {@code meanDuration} (burst), so a burst starts
 * every {@code meanInterval} on average. The chain starts in its stationary distribution, so the
 * long-run mean multiplier {@code 1 + (multiplier - 1) meanDuration / meanInterval} holds from
 * time 0. The path is drawn lazily, forward in time, from its own stream.
 */
public final class MarkovBurstFactor implements RateFactor {

    private final double multiplier;
    private final double meanNormal;
    private final double meanBurst;
    private final RandomStream stream;
    private boolean inBurst;
    private double segmentEnd;

    /** The factor a spec describes, drawing its path from {@code stream}. */
    public MarkovBurstFactor(RateFactorSpec.RandomBursts spec, RandomStream stream) {
        this.multiplier = spec.multiplier();
        this.meanBurst = spec.meanDurationSeconds();
        this.meanNormal = spec.meanIntervalSeconds() - spec.meanDurationSeconds();
        this.stream = stream;
        this.inBurst = stream.nextDouble() < spec.burstShare();
        this.segmentEnd = stream.nextExponential(inBurst ? meanBurst : meanNormal);
    }

    @Override
    public double valueAt(double t) {
        advanceTo(t);
        return inBurst ? multiplier : 1;
    }

    @Override
    public double nextBreak(double t) {
        advanceTo(t);
        return segmentEnd;
    }

    private void advanceTo(double t) {
        while (t >= segmentEnd) {
            inBurst = !inBurst;
            segmentEnd += stream.nextExponential(inBurst ? meanBurst : meanNormal);
        }
    }
}
