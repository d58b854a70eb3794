package io.fleetsim.metrics;

import java.util.Arrays;

/**
 * The distribution of KV-cache utilisation (share of KV blocks in use) over a run, from the
 * values the time-series sampler read at the end of each interval: one value per interval,
 * whatever the traffic, so no per-request storage. Intervals with no serving replica that has a
 * KV cache are left out.
 *
 * @param samples intervals with a value
 * @param mean    mean over those intervals (NaN when none)
 * @param p50     median, nearest rank (NaN when none)
 * @param p95     95th percentile, nearest rank (NaN when none)
 * @param p99     99th percentile, nearest rank (NaN when none)
 */
public record KvCacheUtilization(int samples, double mean, double p50, double p95, double p99) {

    /** The name of the fleet-wide time-series column. */
    public static final String COLUMN = "kv_utilization";

    /** The name of a pool's time-series column. */
    public static String column(String pool) {
        return pool + "." + COLUMN;
    }

    /** The distribution of {@code values}, NaN values (no replica to read) left out. */
    public static KvCacheUtilization of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new KvCacheUtilization(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new KvCacheUtilization(v.length, Arrays.stream(v).sum() / v.length, rank(v, 50), rank(v, 95),
                rank(v, 99));
    }

    /** The distribution of a time-series column, or null when the series has no such column. */
    public static KvCacheUtilization of(TimeSeries series, String column) {
        return series == null || series.column(column) < 0 ? null : of(series.values(column));
    }

    // Nearest rank: the smallest sampled value with at least p% of the samples at or below it.
    private static double rank(double[] sorted, double p) {
        int k = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, k - 1)];
    }
}
