package io.fleetsim.validation;

import java.util.Arrays;

/**
 * Absolute percentage errors of a set of points reduced to their median and 90th percentile
 * (fractions: 0.05 is 5 %), percentiles interpolating linearly between order statistics; NaN
 * errors (no prediction) are left out.
 *
 * @param points points with an error
 * @param median median error
 * @param p90    90th percentile
 */
public record ErrorStats(int points, double median, double p90) {

    /** The statistics of {@code errors}; median and p90 are NaN when no error is a number. */
    public static ErrorStats of(double[] errors) {
        double[] sorted = Arrays.stream(errors).filter(e -> !Double.isNaN(e)).sorted().toArray();
        if (sorted.length == 0) {
            return new ErrorStats(0, Double.NaN, Double.NaN);
        }
        return new ErrorStats(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    private static double percentile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
