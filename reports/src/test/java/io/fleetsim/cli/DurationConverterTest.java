package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Durations on the command line: with a unit, above zero, in seconds. */
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void convertsToSeconds() {
        assertEquals(120.0, converter.convert("2m"), 1e-12);
        assertEquals(5400.0, converter.convert("1h30m"), 1e-12);
        assertEquals(0.25, converter.convert("250ms"), 1e-12);
    }

    @Test
    void refusesANumberWithoutUnitZeroAndNegative() {
        for (String bad : new String[] {"90", "0s", "-5m", "soon"}) {
            OptionValueException e = assertThrows(OptionValueException.class, () -> converter.convert(bad));
            assertTrue(e.getMessage().startsWith("must be a duration with a unit"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(got \"" + bad + "\")"), e.getMessage());
        }
    }
}
