package io.fleetsim.workload.arrival;

import io.fleetsim.workload.ArrivalProcess;

/**
 * A renewal process run in operational time: unit-mean gaps are turned into real time by
 * inverting the integrated rate. With exponential gaps this is an exact non-homogeneous (or
 * Markov-modulated) Poisson process; with gamma gaps the rate varies while the gaps keep their
 * coefficient of variation. The first gap is the equilibrium residual, so counts are stationary
 * from time 0.
 */
public final class ModulatedArrivals implements ArrivalProcess {

    private final RenewalGaps gaps;
    private final IntegratedRate integratedRate;
    private boolean started;

    /** Arrivals with gaps {@code gaps} (mean 1) at the rate {@code integratedRate} integrates. */
    public ModulatedArrivals(RenewalGaps gaps, IntegratedRate integratedRate) {
        this.gaps = gaps;
        this.integratedRate = integratedRate;
    }

    @Override
    public double nextArrivalAfter(double time) {
        double gap = started ? gaps.next() : gaps.firstResidual();
        started = true;
        return integratedRate.timeWhenReached(time, gap);
    }
}
