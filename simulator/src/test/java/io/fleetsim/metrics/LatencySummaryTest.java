package io.fleetsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A latency summary's percentiles beyond p50/p95/p99, read from its distribution. */
class LatencySummaryTest {

    @Test
    void percentileReadsTheDistribution() {
        LatencyRecorder r = new LatencyRecorder();
        for (int ms = 1; ms <= 1000; ms++) {
            r.record(ms / 1e3);
        }
        LatencySummary s = r.summary();
        // 1,000 equally likely values 1..1000 ms: the 90th percentile is 900 ms (HdrHistogram, 3 digits).
        assertEquals(900, s.percentileMs(90), 1);
        assertEquals(s.p50Ms(), s.percentileMs(50), 0);
        assertEquals(s.p99Ms(), s.percentileMs(99), 0);
        assertEquals(0, LatencySummary.EMPTY.percentileMs(90));
        assertThrows(IllegalArgumentException.class, () -> s.percentileMs(90.5));
    }
}
