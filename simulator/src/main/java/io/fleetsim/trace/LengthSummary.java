package io.fleetsim.trace;

import java.util.Arrays;

/**
 * The distribution of one length column of a trace (nearest-rank percentiles).
 *
 * @param p50  median
 * @param p90  90th percentile
 * @param p99  99th percentile
 * @param mean mean
 * @param max  largest value
 */
public record LengthSummary(double p50, double p90, double p99, double mean, double max) {

    /** The summary of {@code values} (at least one). */
    public static LengthSummary of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new LengthSummary(Quantiles.of(sorted, 0.50), Quantiles.of(sorted, 0.90), Quantiles.of(sorted, 0.99),
                Arrays.stream(values).sum() / values.length, sorted[sorted.length - 1]);
    }
}
