package io.fleetsim.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Durations as people write them: one unit, compounds from the largest unit down, ISO-8601; never infinite. */
class DurationTextTest {

    @Test
    void compoundDurationsAddTheirParts() {
        assertEquals(5400, DurationText.parseSeconds("1h30m"), 1e-9);
        assertEquals(5400, DurationText.parseSeconds("1h 30m"), 1e-9);
        assertEquals(216_000, DurationText.parseSeconds("2d12h"), 1e-9);
        assertEquals(90.5, DurationText.parseSeconds("1m30.5s"), 1e-9);
        assertEquals(1.25, DurationText.parseSeconds("1s250ms"), 1e-12);
    }

    @Test
    void isoDurationsAreAccepted() {
        assertEquals(90, DurationText.parseSeconds("PT90S"), 1e-9);
        assertEquals(129_600, DurationText.parseSeconds("P1DT12H"), 1e-9);
        assertEquals(5400, DurationText.parseSeconds("pt1h30m"), 1e-9);
        assertEquals(0.25, DurationText.parseSeconds("PT0.25S"), 1e-12);
    }

    @Test
    void partsOutOfOrderOrRepeatedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("30m1h"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("1h1h"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("PT"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("P"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("1h30"));
    }

    @Test
    void aDurationTooLargeToBeANumberIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DurationText.parseSeconds("1e400h"));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }
}
