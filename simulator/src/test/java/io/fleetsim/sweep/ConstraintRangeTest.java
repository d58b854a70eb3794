package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A constraint no run could ever meet (or always meets) is refused with a hint, not answered wrongly. */
class ConstraintRangeTest {

    @Test
    void aShareWrittenAsAPercentageWithoutTheSignIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Constraint.parse("slo_attainment>=99"));
        assertTrue(e.getMessage().contains("between 0 and 1") && e.getMessage().contains("slo_attainment>=99%"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse("reserved_share<=150%"));
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse("slo_attainment>=-0.1"));
    }

    @Test
    void negativeOrInfiniteBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse("ttft_p99_ms<=-5"));
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse("total_cost_usd<=1e400"));
    }

    @Test
    void sharesInRangeStillParse() {
        assertEquals(1.0, Constraint.parse("slo_attainment>=100%").threshold(), 0);
        assertEquals(0.0, Constraint.parse("reserved_share>=0").threshold(), 0);
        assertEquals(2000, Constraint.parse("ttft_p99_ms<=2000").threshold(), 0);
    }
}
