package io.fleetsim.sweep;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of independent replications with its 95% confidence interval, Student t: mean +-
 * t(0.975, n-1) s / sqrt(n). With fewer than two values, or a NaN among them, the half-width is
 * NaN (no confidence).
 *
 * @param mean      sample mean (NaN when a value is NaN)
 * @param halfWidth half-width of the 95% confidence interval
 * @param n         number of replications
 */
public record Estimate(double mean, double halfWidth, int n) {

    /** Two-sided confidence level of every interval. */
    public static final double CONFIDENCE = 0.95;

    /** The estimate from {@code values}, one per replication. */
    public static Estimate of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v / n;
        }
        if (n < 2 || Double.isNaN(mean)) {
            return new Estimate(mean, Double.NaN, n);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new Estimate(mean, t * sd / Math.sqrt(n), n);
    }

    /**
     * The paired estimate of {@code a[i] - b[i]} over the first {@code min(a.length, b.length)}
     * replications: with common random numbers, replication i of both saw the same traffic, so the
     * difference has far less noise than the two estimates apart.
     */
    public static Estimate ofDifference(double[] a, double[] b) {
        double[] d = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return of(d);
    }

    /** Lower end of the interval. */
    public double lower() {
        return mean - halfWidth;
    }

    /** Upper end of the interval. */
    public double upper() {
        return mean + halfWidth;
    }
}
