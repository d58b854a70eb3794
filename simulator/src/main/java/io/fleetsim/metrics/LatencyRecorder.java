package io.fleetsim.metrics;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Streams latency observations into an HdrHistogram (microsecond resolution, 3 significant
 * digits) plus an exact sum, so memory stays constant however many requests a run has. While a
 * run records, observations are counted by the histogram's buckets in {@link PendingCounts} and
 * moved into the histogram when it is read (the same histogram, recorded faster).
 */
public final class LatencyRecorder {

    private static final double MICROS = 1e6;

    private final Histogram histogram = new Histogram(3);
    private final PendingCounts pending = new PendingCounts();
    private double sumSeconds;

    /** Records one latency in seconds (negative values are clamped to zero). */
    public void record(double seconds) {
        double s = Math.max(0, seconds);
        pending.add(Math.round(s * MICROS), 1);
        sumSeconds += s;
    }

    /** Records {@code count} equal observations of {@code seconds} at once. */
    public void record(double seconds, long count) {
        if (count <= 0) {
            return;
        }
        double s = Math.max(0, seconds);
        pending.add(Math.round(s * MICROS), count);
        sumSeconds += s * count;
    }

    /** Adds every observation of {@code other}. */
    public void add(LatencyRecorder other) {
        histogram().add(other.histogram());
        sumSeconds += other.sumSeconds;
    }

    /** Number of observations. */
    public long count() {
        return histogram().getTotalCount();
    }

    /** Exact mean in seconds, 0 when empty. */
    public double meanSeconds() {
        long n = count();
        return n == 0 ? 0 : sumSeconds / n;
    }

    /** The summary reports show. */
    public LatencySummary summary() {
        if (count() == 0) {
            return LatencySummary.EMPTY;
        }
        Histogram histogram = histogram();
        PercentileTable table = new PercentileTable(histogram);
        List<Double> cdf = new ArrayList<>(LatencySummary.CDF_PERCENTILES.size());
        for (double p : LatencySummary.CDF_PERCENTILES) {
            cdf.add(p == 0 ? histogram.getMinValue() / 1e3 : table.valueAt(p) / 1e3);
        }
        return new LatencySummary(count(), meanSeconds() * 1e3, table.valueAt(50) / 1e3, table.valueAt(95) / 1e3,
                table.valueAt(99) / 1e3, histogram.getMaxValue() / 1e3, cdf);
    }

    /** The value at percentile {@code p} in milliseconds (0 when empty). */
    public double percentileMs(double p) {
        return histogram().getValueAtPercentile(p) / 1e3;
    }

    /** The histogram with every observation so far. */
    private Histogram histogram() {
        if (!pending.isEmpty()) {
            pending.moveInto(histogram);
        }
        return histogram;
    }
}
