package io.fleetsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileTableTest {

    @Test
    void givesExactlyWhatTheHistogramGivesAtEveryPercentile() {
        SplittableRandom random = new SplittableRandom(16);
        for (int trial = 0; trial < 40; trial++) {
            Histogram histogram = new Histogram(3);
            // From one observation to many, narrow and spread over six decades, with repeated counts.
            int observations = trial < 5 ? trial + 1 : 1 + random.nextInt(trial * 500);
            for (int i = 0; i < observations; i++) {
                long value = (long) Math.pow(10, random.nextDouble() * (trial % 2 == 0 ? 6 : 1.5));
                histogram.recordValueWithCount(value, 1 + random.nextInt(trial % 3 == 0 ? 1 : 40));
            }
            PercentileTable table = new PercentileTable(histogram);
            for (double p : LatencySummary.CDF_PERCENTILES) {
                assertEquals(histogram.getValueAtPercentile(p), table.valueAt(p), "trial " + trial + ", p " + p);
            }
            for (int i = 0; i < 100; i++) {
                double p = random.nextDouble() * 100;
                assertEquals(histogram.getValueAtPercentile(p), table.valueAt(p), "trial " + trial + ", p " + p);
            }
            for (double p : new double[] {-1, 0, 1e-12, 99.999999, 100, 101}) {
                assertEquals(histogram.getValueAtPercentile(p), table.valueAt(p), "trial " + trial + ", p " + p);
            }
        }
    }

    @Test
    void anEmptyHistogramGivesZero() {
        PercentileTable table = new PercentileTable(new Histogram(3));
        assertEquals(0, table.valueAt(50));
        assertEquals(0, table.valueAt(0));
    }
}
