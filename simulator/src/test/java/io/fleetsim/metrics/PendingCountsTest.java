package io.fleetsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Counting by buckets and moving them into the histogram must leave it equal (HdrHistogram's own
 * equals: every count, the total, minimum and maximum) to a histogram that recorded each value
 * itself, and give the same percentiles.
 */
class PendingCountsTest {

    @Test
    void bucketsAreTheHistogramsOwn() {
        Histogram h = new Histogram(3);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            long v = i < 5_000 ? i : random.nextLong(1L << random.nextInt(1, 45));
            assertEquals(h.lowestEquivalentValue(v), PendingCounts.lowestValueOf(PendingCounts.indexOf(v)), "value " + v);
            assertEquals(h.lowestEquivalentValue(v), h.lowestEquivalentValue(PendingCounts.lowestValueOf(
                    PendingCounts.indexOf(v))), "value " + v);
        }
    }

    @Test
    void theHistogramEqualsOneThatRecordedEveryValue() {
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 20; round++) {
            Histogram direct = new Histogram(3);
            Histogram moved = new Histogram(3);
            PendingCounts pending = new PendingCounts();
            int n = random.nextInt(1, 20_000);
            for (int i = 0; i < n; i++) {
                // zeros, small values (one per bucket), lognormal latencies in microseconds, rare huge ones
                long v = switch (random.nextInt(10)) {
                    case 0 -> 0;
                    case 1 -> random.nextLong(3_000);
                    case 2 -> random.nextLong(1L << 40);
                    default -> Math.round(Math.exp(9 + 2 * random.nextGaussian()));
                };
                long count = random.nextInt(4) == 0 ? random.nextInt(1, 500) : 1;
                direct.recordValueWithCount(v, count);
                pending.add(v, count);
                if (random.nextInt(5_000) == 0) {
                    pending.moveInto(moved);
                }
            }
            pending.moveInto(moved);
            assertEquals(direct, moved, "round " + round);
            assertEquals(direct.getTotalCount(), moved.getTotalCount());
            assertEquals(direct.getMinValue(), moved.getMinValue());
            assertEquals(direct.getMaxValue(), moved.getMaxValue());
            for (double p : new double[] {0, 1, 10, 50, 90, 95, 99, 99.9, 100}) {
                assertEquals(direct.getValueAtPercentile(p), moved.getValueAtPercentile(p), "p" + p);
            }
        }
    }
}
