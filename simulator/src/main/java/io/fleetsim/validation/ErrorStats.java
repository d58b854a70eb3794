package io.fleetsim.validation;

import java.util.Arrays;

/**
 * Relative errors (predicted - measured) / measured of a set of points reduced to the median and
 * 90th percentile of their absolute values (fractions: 0.05 is 5 %; percentiles interpolate
 * linearly between order statistics) and the share predicted too low; NaN errors (no
 * prediction) are left out.
 *
 * @param points points with an error
 * @param median median absolute error
 * @param p90    90th percentile of the absolute error
 * @param low    share of points predicted below the measurement
 */
public record ErrorStats(int points, double median, double p90, double low) {

    /** The statistics of signed relative {@code errors}; all NaN when no error is a number. */
    public static ErrorStats of(double[] errors) {
        double[] known = Arrays.stream(errors).filter(e -> !Double.isNaN(e)).toArray();
        if (known.length == 0) {
            return new ErrorStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.stream(known).map(Math::abs).sorted().toArray();
        double low = (double) Arrays.stream(known).filter(e -> e < 0).count() / known.length;
        return new ErrorStats(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9), low);
    }

    /** The {@code q} quantile of {@code sorted}, interpolating linearly between order statistics. */
    static double percentile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
