package io.fleetsim.workload.arrival;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.spec.RateFactorSpec;
import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DiurnalFactor keeps the day of the last clock it read: its values and next breaks must be, bit
 * for bit, those of reading the day afresh at every clock, in any order and at the ulps around
 * each midnight.
 */
class DiurnalFactorTest {

    private static final double DAY = 86400;

    private static final RateFactorSpec.Diurnal SMOOTH = new RateFactorSpec.Diurnal(
            new RateFactorSpec.Smooth(14, 3), 1, 0.6, DayOfWeek.FRIDAY, 7.5);
    private static final RateFactorSpec.Diurnal HOURLY = new RateFactorSpec.Diurnal(
            new RateFactorSpec.Hourly(List.of(0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8,
                    1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8)), 1.2, 0.4, DayOfWeek.SUNDAY, 23);

    /** The factor as read without keeping the day (the formula DiurnalFactor had before). */
    private static double fresh(RateFactorSpec.Diurnal spec, double t) {
        double clock = (spec.startDay().getValue() - DayOfWeek.MONDAY.getValue()) * DAY + spec.startHour() * 3600 + t;
        double day = Math.floor(clock / DAY);
        double hourOfDay = (clock - day * DAY) / 3600;
        double dayFactor = Math.floorMod((long) day, 7) >= 5 ? spec.weekendFactor() : spec.weekdayFactor();
        if (spec.shape() instanceof RateFactorSpec.Hourly h) {
            return dayFactor * h.multipliers().get(Math.min(23, (int) hourOfDay));
        }
        RateFactorSpec.Smooth s = (RateFactorSpec.Smooth) spec.shape();
        return dayFactor * (1 + s.amplitude() * StrictMath.cos(2 * Math.PI * (hourOfDay - s.peakHour()) / 24));
    }

    /** The next break as computed without keeping the day. */
    private static double freshBreak(RateFactorSpec.Diurnal spec, double t) {
        double offset = (spec.startDay().getValue() - DayOfWeek.MONDAY.getValue()) * DAY + spec.startHour() * 3600;
        double piece = spec.shape() instanceof RateFactorSpec.Hourly ? 3600 : DAY;
        double clock = offset + t;
        double next = (Math.floor(clock / piece) + 1) * piece - offset;
        return next > t ? next : next + piece;
    }

    /** Both the value and the next break at {@code t}, then the break again once the day is kept. */
    private static void same(DiurnalFactor factor, RateFactorSpec.Diurnal spec, double t) {
        assertEquals(Double.doubleToRawLongBits(freshBreak(spec, t)), Double.doubleToRawLongBits(factor.nextBreak(t)),
                () -> "nextBreak(" + t + ")");
        assertEquals(Double.doubleToRawLongBits(fresh(spec, t)), Double.doubleToRawLongBits(factor.valueAt(t)),
                () -> "valueAt(" + t + ")");
        assertEquals(Double.doubleToRawLongBits(freshBreak(spec, t)), Double.doubleToRawLongBits(factor.nextBreak(t)),
                () -> "nextBreak(" + t + ")");
    }

    @Test
    void everyUlpAroundEachMidnightOfTwoWeeksForwardThenBackward() {
        for (RateFactorSpec.Diurnal spec : List.of(SMOOTH, HOURLY)) {
            DiurnalFactor factor = new DiurnalFactor(spec);
            double offset = (spec.startDay().getValue() - 1) * DAY + spec.startHour() * 3600;
            for (int d = 0; d <= 14; d++) {
                double midnight = (d + Math.ceil(offset / DAY)) * DAY - offset;
                double t = midnight;
                for (int s = 0; s < 64; s++) {
                    t = Math.nextDown(t);
                }
                for (int s = 0; s < 128; s++) {
                    same(factor, spec, t);
                    t = Math.nextUp(t);
                }
                for (int s = 0; s < 128; s++) {
                    same(factor, spec, t);
                    t = Math.nextDown(t);
                }
            }
        }
    }

    @Test
    void randomClocksInAnyOrderIncludingNegativeAndHuge() {
        SplittableRandom random = new SplittableRandom(7);
        for (RateFactorSpec.Diurnal spec : List.of(SMOOTH, HOURLY)) {
            DiurnalFactor factor = new DiurnalFactor(spec);
            for (int i = 0; i < 200_000; i++) {
                double scale = switch (i % 4) {
                    case 0 -> 100 * DAY;
                    case 1 -> DAY;
                    case 2 -> 60;
                    default -> 1e15;
                };
                same(factor, spec, (random.nextDouble() * 2 - 1) * scale);
            }
            same(factor, spec, -0.0);
            same(factor, spec, 0.0);
        }
    }
}
