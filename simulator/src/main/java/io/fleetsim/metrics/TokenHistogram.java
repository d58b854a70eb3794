package io.fleetsim.metrics;

import org.HdrHistogram.Histogram;

/**
 * A streamed distribution of token counts (3 significant digits) with an exact mean, in constant
 * memory: e.g. the output tokens clients received before leaving mid-stream.
 */
public final class TokenHistogram {

    private final Histogram histogram = new Histogram(3);
    private long sum;

    /**
     * What the reports show of it.
     *
     * @param count observations
     * @param mean  exact mean (NaN when empty)
     * @param p50   median
     * @param p95   95th percentile
     * @param p99   99th percentile
     */
    public record Summary(long count, double mean, long p50, long p95, long p99) {
    }

    /** Records one count (at least 0). */
    public void record(long tokens) {
        histogram.recordValue(Math.max(0, tokens));
        sum += Math.max(0, tokens);
    }

    /** The summary so far. */
    public Summary summary() {
        long n = histogram.getTotalCount();
        if (n == 0) {
            return new Summary(0, Double.NaN, 0, 0, 0);
        }
        return new Summary(n, (double) sum / n, histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95), histogram.getValueAtPercentile(99));
    }
}
