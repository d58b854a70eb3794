package io.fleetsim.scenario;

/** A distribution of token counts (prompt or output length), always at least 1. */
public sealed interface LengthSpec permits LengthSpec.Fixed, LengthSpec.Lognormal {

    /** The mean of the distribution (before any context-length rejection). */
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
}
