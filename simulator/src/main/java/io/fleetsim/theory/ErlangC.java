package io.fleetsim.theory;

/**
 * Exact steady-state formulas for the M/M/c queue (Poisson arrivals, exponential service, {@code c}
 * identical servers, one FIFO queue of unlimited length).
 *
 * <p>With arrival rate &lambda;, mean service time E[S] = 1/&mu;, offered load
 * a = &lambda;E[S] (in Erlangs) and utilization &rho; = a/c &lt; 1:
 *
 * <pre>
 *   Erlang B:   B(0, a) = 1,   B(k, a) = a B(k-1, a) / (k + a B(k-1, a))
 *   Erlang C:   C(c, a) = P(wait &gt; 0) = c B(c, a) / (c - a (1 - B(c, a)))
 *   Mean wait:  Wq = C(c, a) / (c &mu; - &lambda;) = C(c, a) E[S] / (c - a)
 * </pre>
 *
 * <p>The textbook closed form for C(c, a) sums terms a<sup>k</sup>/k!, which overflow around
 * c &asymp; 170 and lose precision well before that. The Erlang B recursion above only ever
 * combines numbers in [0, 1], so it is stable for any number of servers (thousands included).
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * Probability that an arriving customer has to wait, C(c, a).
     *
     * @param arrivalRate     &lambda;, customers per time unit, at least 0
     * @param meanServiceTime E[S], time units, greater than 0
     * @param servers         c, at least 1
     * @return the probability, in [0, 1)
     * @throws IllegalArgumentException if an argument is out of range or &rho; = &lambda;E[S]/c
     *                                  is 1 or more (no steady state)
     */
    public static double probabilityOfWaiting(double arrivalRate, double meanServiceTime, int servers) {
        double offeredLoad = checkedOfferedLoad(arrivalRate, meanServiceTime, servers);
        double blocking = erlangB(servers, offeredLoad);
        return servers * blocking / (servers - offeredLoad * (1 - blocking));
    }

    /**
     * Mean time a customer spends in the queue before service starts, Wq = C(c, a) E[S] / (c - a).
     *
     * @param arrivalRate     &lambda;, customers per time unit, at least 0
     * @param meanServiceTime E[S], time units, greater than 0
     * @param servers         c, at least 1
     * @return Wq in the same time unit as {@code meanServiceTime}
     * @throws IllegalArgumentException if an argument is out of range or &rho; &ge; 1
     */
    public static double meanWait(double arrivalRate, double meanServiceTime, int servers) {
        double offeredLoad = checkedOfferedLoad(arrivalRate, meanServiceTime, servers);
        double blocking = erlangB(servers, offeredLoad);
        double waitProbability = servers * blocking / (servers - offeredLoad * (1 - blocking));
        return waitProbability * meanServiceTime / (servers - offeredLoad);
    }

    private static double erlangB(int servers, double offeredLoad) {
        double blocking = 1.0;
        for (int k = 1; k <= servers; k++) {
            blocking = offeredLoad * blocking / (k + offeredLoad * blocking);
        }
        return blocking;
    }

    private static double checkedOfferedLoad(double arrivalRate, double meanServiceTime, int servers) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1: " + servers);
        }
        if (!(arrivalRate >= 0) || Double.isInfinite(arrivalRate)) {
            throw new IllegalArgumentException("arrival rate must be finite and >= 0: " + arrivalRate);
        }
        if (!(meanServiceTime > 0) || Double.isInfinite(meanServiceTime)) {
            throw new IllegalArgumentException("mean service time must be finite and > 0: " + meanServiceTime);
        }
        double offeredLoad = arrivalRate * meanServiceTime;
        if (offeredLoad >= servers) {
            throw new IllegalArgumentException(
                    "utilization " + offeredLoad / servers + " >= 1: the queue has no steady state");
        }
        return offeredLoad;
    }
}
