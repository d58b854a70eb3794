package io.fleetsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Trace clock times with and without a zone name the same instants. */
class TimestampUnitTest {

    @Test
    void zonedTimesAreTheInstantTheyName() {
        long utc = TimestampUnit.DATETIME.toNanos("2025-03-01 10:00:00.120");
        assertEquals(utc, TimestampUnit.DATETIME.toNanos("2025-03-01T10:00:00.120Z"));
        assertEquals(utc, TimestampUnit.DATETIME.toNanos("2025-03-01T11:00:00.120+01:00"));
        assertEquals(utc, TimestampUnit.DATETIME.toNanos("2025-03-01T05:00:00.120-05:00"));
        assertEquals(1_740_823_200_120_000_000L, utc, "2025-03-01T10:00:00.120Z since the epoch");
    }

    @Test
    void aBadZoneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TimestampUnit.DATETIME.toNanos("2025-03-01T10:00:00+25:00"));
    }
}
