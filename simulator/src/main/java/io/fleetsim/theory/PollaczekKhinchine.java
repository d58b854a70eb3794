package io.fleetsim.theory;

/**
 * The Pollaczek-Khinchine mean-value formula for the M/G/1 queue (Poisson arrivals, one server,
 * any service-time distribution, FIFO):
 *
 * <pre>
 *   Wq = &lambda; E[S&sup2;] / (2 (1 - &rho;)),   &rho; = &lambda; E[S] &lt; 1
 * </pre>
 *
 * <p>For deterministic service of length D, E[S&sup2;] = D&sup2;, so Wq = &rho; D / (2 (1 - &rho;)),
 * half the M/M/1 value.
 */
public final class PollaczekKhinchine {

    private PollaczekKhinchine() {
    }

    /**
     * Mean time in queue for M/G/1.
     *
     * @param arrivalRate             &lambda;, customers per time unit, at least 0
     * @param meanServiceTime         E[S], greater than 0
     * @param secondMomentServiceTime E[S&sup2;] (not the variance: E[S&sup2;] = Var[S] + E[S]&sup2;),
     *                                at least E[S]&sup2;
     * @return Wq in the time unit of {@code meanServiceTime}
     * @throws IllegalArgumentException if an argument is out of range or &rho; &ge; 1
     */
    public static double meanWait(double arrivalRate, double meanServiceTime, double secondMomentServiceTime) {
        if (!(arrivalRate >= 0) || Double.isInfinite(arrivalRate)) {
            throw new IllegalArgumentException("arrival rate must be finite and >= 0: " + arrivalRate);
        }
        if (!(meanServiceTime > 0) || Double.isInfinite(meanServiceTime)) {
            throw new IllegalArgumentException("mean service time must be finite and > 0: " + meanServiceTime);
        }
        // Jensen: E[S^2] >= E[S]^2. A smaller value is most likely a variance passed by mistake.
        if (!(secondMomentServiceTime >= meanServiceTime * meanServiceTime)
                || Double.isInfinite(secondMomentServiceTime)) {
            throw new IllegalArgumentException("second moment " + secondMomentServiceTime
                    + " must be finite and >= mean^2 = " + meanServiceTime * meanServiceTime);
        }
        double utilization = arrivalRate * meanServiceTime;
        if (utilization >= 1) {
            throw new IllegalArgumentException("utilization " + utilization + " >= 1: the queue has no steady state");
        }
        return arrivalRate * secondMomentServiceTime / (2 * (1 - utilization));
    }

    /**
     * Mean time in queue for M/D/1: Wq = &rho; D / (2 (1 - &rho;)) with &rho; = &lambda; D.
     *
     * @param arrivalRate &lambda;, customers per time unit, at least 0
     * @param serviceTime D, the fixed service time, greater than 0
     * @return Wq in the time unit of {@code serviceTime}
     * @throws IllegalArgumentException if an argument is out of range or &rho; &ge; 1
     */
    public static double meanWaitDeterministic(double arrivalRate, double serviceTime) {
        return meanWait(arrivalRate, serviceTime, serviceTime * serviceTime);
    }
}
