package io.fleetsim.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Recorded values counted in a plain array by HdrHistogram's own buckets (3 significant digits,
 * unit 1: 2,048 sub-buckets, half of them per doubling above the first), until they are moved into
 * the {@link Histogram} that is read. Recording here is a leading-zero count, a shift and an add:
 * none of the histogram's resize check, exception handler and volatile minimum and maximum, which
 * were most of the cost of the several observations a simulated request makes (its token gaps
 * above all). A value's bucket is the one the histogram would give it, and moving a bucket records
 * its lowest value that many times, so the histogram ends up equal to one that recorded every
 * value itself: the same counts, total, minimum and maximum (the histogram reports those of
 * buckets, not of raw values).
 */
final class PendingCounts {

    /** Sub-buckets per bucket beyond the first: 2^10. */
    private static final int HALF_MAGNITUDE = 10;
    private static final int HALF_COUNT = 1 << HALF_MAGNITUDE;
    /** Values below 2,048 (= 2 x 10^3 rounded up to a power of two) have bucket 0, one value each. */
    private static final long SUB_BUCKET_MASK = 2 * HALF_COUNT - 1;
    /** 64 less the sub-bucket count's magnitude (11). */
    private static final int LEADING_ZERO_BASE = 53;

    private long[] counts = new long[2 * HALF_COUNT];
    /** The indices whose count went from zero to positive since the last move. */
    private int[] touched = new int[256];
    private int touchedCount;

    /** Counts {@code count} observations of {@code value} (not negative). */
    void add(long value, long count) {
        int index = indexOf(value);
        if (index >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(index + 1, 2 * counts.length));
        }
        if (counts[index] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, 2 * touchedCount);
            }
            touched[touchedCount++] = index;
        }
        counts[index] += count;
    }

    /** True when nothing is waiting to be moved. */
    boolean isEmpty() {
        return touchedCount == 0;
    }

    /** Records every pending count into {@code histogram} and forgets them. */
    void moveInto(Histogram histogram) {
        for (int i = 0; i < touchedCount; i++) {
            int index = touched[i];
            histogram.recordValueWithCount(lowestValueOf(index), counts[index]);
            counts[index] = 0;
        }
        touchedCount = 0;
    }

    /** HdrHistogram's counts index of {@code value}. */
    static int indexOf(long value) {
        int bucket = LEADING_ZERO_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << HALF_MAGNITUDE) + subBucket - HALF_COUNT;
    }

    /** The lowest value with counts index {@code index}. */
    static long lowestValueOf(int index) {
        int bucket = (index >> HALF_MAGNITUDE) - 1;
        int subBucket = (index & (HALF_COUNT - 1)) + HALF_COUNT;
        if (bucket < 0) {
            subBucket -= HALF_COUNT;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }
}
