package io.fleetsim.metrics;

import java.util.ArrayList;
import java.util.List;

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
 * @param cdfMs  the value at each percentile of {@link #CDF_PERCENTILES}, for drawing the distribution
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs,
                             List<Double> cdfMs) {

    /** Percentiles at which {@code cdfMs} is given: 0, 1, ..., 99, then 99.5, 99.9 and 100. */
    public static final List<Double> CDF_PERCENTILES = percentiles();

    /** The summary of no observations: all zero. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, List.of());

    public LatencySummary {
        cdfMs = List.copyOf(cdfMs);
    }

    /**
     * The value at percentile {@code p} in milliseconds, one of {@link #CDF_PERCENTILES} (e.g. 90),
     * read from {@code cdfMs}; 0 when there were no observations.
     */
    public double percentileMs(double p) {
        int i = CDF_PERCENTILES.indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException("percentile " + p + " is not one of " + CDF_PERCENTILES);
        }
        return cdfMs.isEmpty() ? 0 : cdfMs.get(i);
    }

    private static List<Double> percentiles() {
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            p.add((double) i);
        }
        p.addAll(List.of(99.5, 99.9, 100.0));
        return List.copyOf(p);
    }
}
