package io.fleetsim.spec;

import org.apache.commons.math3.special.Erf;

/**
 * A distribution of token counts (prompt or output length), always at least 1. Continuous
 * distributions are rounded to the nearest integer; how each one treats its bounds (clamping,
 * truncation) is part of its definition and documented on it.
 */
public sealed interface LengthSpec permits LengthSpec.Fixed, LengthSpec.Uniform, LengthSpec.TruncatedNormal,
        LengthSpec.Lognormal, LengthSpec.Pareto, LengthSpec.Empirical {

    /** The largest length any distribution may produce, far beyond any model's context. */
    int MAX_TOKENS = 100_000_000;

    /** The mean of the distribution, before rounding and before any context-length rejection. */
    double mean();

    /**
     * Always the same length.
     *
     * @param tokens the length
     */
    record Fixed(int tokens) implements LengthSpec {
        @Override
        public double mean() {
            return tokens;
        }
    }

    /**
     * Every whole number in {@code [min, max]} equally likely.
     *
     * @param min smallest length
     * @param max largest length, at least {@code min}
     */
    record Uniform(int min, int max) implements LengthSpec {

        public Uniform {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ", " + max);
            }
        }

        @Override
        public double mean() {
            return (min + (double) max) / 2;
        }
    }

    /**
     * N(mu, sigma^2) truncated to {@code [min, max]}: draws outside are redrawn (rejection), never
     * clamped, so there is no pile-up at the bounds. The result is then rounded.
     *
     * @param mu    mean of the normal before truncation
     * @param sigma standard deviation of the normal before truncation, > 0
     * @param min   smallest length
     * @param max   largest length
     */
    record TruncatedNormal(double mu, double sigma, int min, int max) implements LengthSpec {

        public TruncatedNormal {
            if (!(sigma > 0) || min < 1 || max < min) {
                throw new IllegalArgumentException("need sigma > 0 and 1 <= min <= max");
            }
        }

        /** Probability that one untruncated draw falls in {@code [min, max]}: the acceptance rate. */
        public double massInRange() {
            return upperTail((min - mu) / sigma) - upperTail((max - mu) / sigma);
        }

        @Override
        public double mean() {
            double a = (min - mu) / sigma;
            double b = (max - mu) / sigma;
            return mu + sigma * (density(a) - density(b)) / massInRange();
        }

        private static double upperTail(double z) {
            return 0.5 * Erf.erfc(z / Math.sqrt(2));
        }

        private static double density(double z) {
            return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        }
    }

    /**
     * exp(N(mu, sigma^2)) rounded to the nearest integer and clamped to {@code [min, max]}.
     *
     * @param mu    mean of the log
     * @param sigma standard deviation of the log
     * @param min   smallest length
     * @param max   largest length
     */
    record Lognormal(double mu, double sigma, int min, int max) implements LengthSpec {

        /** The z-score of the 99th percentile of a standard normal. */
        public static final double Z99 = 2.3263478740408408;

        /** The lognormal whose median and 99th percentile are given. */
        public static Lognormal fromMedianAndP99(double median, double p99, int min, int max) {
            double mu = Math.log(median);
            return new Lognormal(mu, (Math.log(p99) - mu) / Z99, min, max);
        }

        @Override
        public double mean() {
            return Math.exp(mu + sigma * sigma / 2);
        }
    }

    /**
     * The Pareto distribution with P(X > x) = (scale / x)^alpha for x >= scale, truncated to
     * {@code [scale, max]} (the bounded Pareto: drawn by inverting its CDF, so no draw is clamped),
     * then rounded.
     *
     * @param scale smallest value (x_m), at least 1
     * @param alpha shape (tail index), > 0; smaller is heavier-tailed
     * @param max   largest length, at least {@code scale}
     */
    record Pareto(double scale, double alpha, int max) implements LengthSpec {

        public Pareto {
            if (!(scale >= 1) || !(alpha > 0) || max < scale) {
                throw new IllegalArgumentException("need scale >= 1, alpha > 0 and max >= scale");
            }
        }

        @Override
        public double mean() {
            double ratio = scale / max;
            double kept = 1 - Math.pow(ratio, alpha);
            if (Math.abs(alpha - 1) < 1e-12) {
                return scale * Math.log(max / scale) / kept;
            }
            return alpha * scale / (alpha - 1) * (1 - Math.pow(ratio, alpha - 1)) / kept;
        }
    }

    /**
     * The values of a dataset column, each row equally likely, or in proportion to its weight when
     * the column is a histogram.
     *
     * @param column the values (and weights)
     */
    record Empirical(LengthColumn column) implements LengthSpec {
        @Override
        public double mean() {
            return column.mean();
        }
    }
}
