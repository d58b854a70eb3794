package io.fleetsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean and nearest-rank percentiles of sampled KV-cache utilisation, by hand. */
class KvCacheUtilizationTest {

    @Test
    void percentilesAreNearestRankOverTheSamplesWithAValue() {
        double[] v = new double[101];
        for (int i = 0; i < 100; i++) {
            v[i] = (100 - i) / 100.0; // 1.00 .. 0.01, unsorted on purpose
        }
        v[100] = Double.NaN; // an interval with no serving replica
        KvCacheUtilization u = KvCacheUtilization.of(v);
        assertEquals(100, u.samples());
        assertEquals(0.505, u.mean(), 1e-12);
        assertEquals(0.50, u.p50(), 0);
        assertEquals(0.95, u.p95(), 0);
        assertEquals(0.99, u.p99(), 0);
    }

    @Test
    void noSampleGivesNaNAndAMissingColumnGivesNull() {
        KvCacheUtilization u = KvCacheUtilization.of(new double[]{Double.NaN});
        assertEquals(0, u.samples());
        assertTrue(Double.isNaN(u.mean()) && Double.isNaN(u.p99()));
        TimeSeries s = new TimeSeries(1, List.of("t_start_s"), List.of(new double[]{0}));
        assertNull(KvCacheUtilization.of(s, KvCacheUtilization.COLUMN));
    }
}
