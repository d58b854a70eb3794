package io.fleetsim.metrics;

/**
 * A latency distribution reduced to what reports show, in milliseconds. Percentiles come from an
 * HdrHistogram with 3 significant digits (0.1 % relative precision); the mean is exact.
 *
 * @param count  observations
 * @param meanMs mean
 * @param p50Ms  median
 * @param p95Ms  95th percentile
 * @param p99Ms  99th percentile
 * @param maxMs  largest observation
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** The summary of no observations: all zero. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);
}
