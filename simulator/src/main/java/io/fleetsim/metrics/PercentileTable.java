package io.fleetsim.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A histogram's recorded buckets as running counts, so that many percentiles (a latency summary's
 * hundred-odd points of its distribution) cost one pass over the histogram and a binary search
 * each, instead of one pass each. Every answer is exactly {@link Histogram#getValueAtPercentile}'s:
 * the same target count, the first bucket reaching it, its highest equivalent value (its lowest
 * at percentile 0).
 */
final class PercentileTable {

    private final Histogram histogram;
    private final long totalCount;
    /** Count of all observations up to and including each recorded bucket, ascending. */
    private final long[] cumulative;
    /** Highest value equivalent to each recorded bucket. */
    private final long[] highest;

    PercentileTable(Histogram histogram) {
        this.histogram = histogram;
        this.totalCount = histogram.getTotalCount();
        long[] counts = new long[16];
        long[] values = new long[16];
        int n = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            if (n == counts.length) {
                counts = Arrays.copyOf(counts, 2 * n);
                values = Arrays.copyOf(values, 2 * n);
            }
            counts[n] = v.getTotalCountToThisValue();
            values[n] = v.getValueIteratedTo();
            n++;
        }
        this.cumulative = Arrays.copyOf(counts, n);
        this.highest = Arrays.copyOf(values, n);
    }

    /** The value at {@code percentile}, as {@link Histogram#getValueAtPercentile} gives it (0 when empty). */
    long valueAt(double percentile) {
        // The same target count as HdrHistogram 2.2: the requested share of all observations,
        // rounded up, at least one.
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
        long target = Math.max((long) Math.ceil(requested * totalCount / 100), 1);
        int lo = 0;
        int hi = cumulative.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == cumulative.length) {
            return 0;
        }
        return percentile == 0 ? histogram.lowestEquivalentValue(highest[lo]) : highest[lo];
    }
}
