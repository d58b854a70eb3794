package io.fleetsim.sweep;

/**
 * How {@link Optimizer} searches.
 *
 * @param objective       the metric to make best (its natural direction: costs and latencies
 *                        down, SLO attainment up)
 * @param minReplications replications of every evaluated configuration (at least 2, for an interval)
 * @param maxReplications most replications of a configuration whose constraint interval straddles
 *                        its threshold
 * @param exhaustive      evaluate every configuration instead of bisecting on capacity
 */
public record OptimizeOptions(Metric objective, int minReplications, int maxReplications, boolean exhaustive) {

    public OptimizeOptions {
        if (minReplications < 2) {
            throw new SweepInputException(SweepInput.MIN_REPLICATIONS, null, "at least 2, so that there is a "
                    + "confidence interval (got " + minReplications + ")");
        }
        if (maxReplications < minReplications) {
            throw new SweepInputException(SweepInput.MAX_REPLICATIONS, null, "at least ", SweepInput.MIN_REPLICATIONS,
                    " (" + minReplications + "; got " + maxReplications + ")");
        }
    }

    /** Replications after {@code n} when more are needed: doubling, up to the maximum. */
    public int next(int n) {
        return Math.min(maxReplications, Math.max(n + 1, 2 * n));
    }
}
