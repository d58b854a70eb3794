package io.fleetsim.workload.arrival;

import io.fleetsim.spec.RateFactorSpec;
import java.time.DayOfWeek;

/** Time of day times day of week, on the clock that starts at the spec's day and hour. */
public final class DiurnalFactor implements RateFactor {

    private static final double HOUR = 3600;
    private static final double DAY = 86400;
    /** Ulps a day's ends are moved inwards at most to be on the day (then nothing is kept). */
    private static final int ULP_SEARCH = 16;

    private final double[] hourly;
    private final double amplitude;
    private final double peakHour;
    private final double weekdayFactor;
    private final double weekendFactor;
    /** Seconds from Monday 00:00 to time 0. */
    private final double clockOffset;
    /** Pieces end at each hour for an hourly profile, at each midnight for a smooth one. */
    private final double pieceLength;
    /**
     * The start and factor of the day of the last clock read (day {@code Math.floor(clock / DAY)}),
     * kept for every clock in {@code [dayFrom, dayTo]}: the rate is read several times per arrival,
     * nearly always on the same day, and this saves a division, a floor and a modulo each time.
     * Values are unchanged: {@code floor(clock / DAY)} never decreases as the clock grows, so every
     * clock between two on the same day is on it too (see {@link #enterDayOf}).
     */
    private double dayStart;
    private double dayFactor;
    /** The kept day's end as a time ({@code (day + 1) DAY - clockOffset}): a smooth profile's next break. */
    private double dayEnd;
    private double dayFrom = Double.POSITIVE_INFINITY;
    private double dayTo = Double.NEGATIVE_INFINITY;

    /** The factor a spec describes. */
    public DiurnalFactor(RateFactorSpec.Diurnal spec) {
        if (spec.shape() instanceof RateFactorSpec.Hourly h) {
            hourly = h.multipliers().stream().mapToDouble(Double::doubleValue).toArray();
            amplitude = 0;
            peakHour = 0;
            pieceLength = HOUR;
        } else {
            RateFactorSpec.Smooth s = (RateFactorSpec.Smooth) spec.shape();
            hourly = null;
            amplitude = s.amplitude();
            peakHour = s.peakHour();
            pieceLength = DAY;
        }
        weekdayFactor = spec.weekdayFactor();
        weekendFactor = spec.weekendFactor();
        clockOffset = (spec.startDay().getValue() - DayOfWeek.MONDAY.getValue()) * DAY + spec.startHour() * HOUR;
    }

    @Override
    public double valueAt(double t) {
        double clock = clockOffset + t;
        if (!(clock >= dayFrom && clock <= dayTo)) {
            enterDayOf(clock);
        }
        double hourOfDay = (clock - dayStart) / HOUR;
        if (hourly != null) {
            return dayFactor * hourly[Math.min(23, (int) hourOfDay)];
        }
        // StrictMath's cosine (the same on every machine), computed in Java: see StrictCosine
        return dayFactor * (1 + amplitude * StrictCosine.cos(2 * Math.PI * (hourOfDay - peakHour) / 24));
    }

    /**
     * Reads {@code clock}'s day, then the clocks kept as on it: from the day's nominal start to
     * just before the next one's, each end moved inwards by the few ulps where the rounded
     * quotient is still another day's. A clock outside (one of those ulps) reads its day afresh.
     */
    private void enterDayOf(double clock) {
        double day = dayOf(clock);
        dayStart = day * DAY;
        dayFactor = Math.floorMod((long) day, 7) >= 5 ? weekendFactor : weekdayFactor;
        dayEnd = (day + 1) * DAY - clockOffset;
        double from = dayStart;
        double to = Math.nextDown((day + 1) * DAY);
        for (int i = 0; i < ULP_SEARCH && dayOf(from) < day; i++) {
            from = Math.nextUp(from);
        }
        for (int i = 0; i < ULP_SEARCH && dayOf(to) > day; i++) {
            to = Math.nextDown(to);
        }
        // Both ends on the day: so is every clock between them.
        boolean found = dayOf(from) == day && dayOf(to) == day;
        dayFrom = found ? from : Double.POSITIVE_INFINITY;
        dayTo = found ? to : Double.NEGATIVE_INFINITY;
    }

    private static double dayOf(double clock) {
        return Math.floor(clock / DAY);
    }

    @Override
    public double nextBreak(double t) {
        double clock = clockOffset + t;
        // A smooth profile's pieces are days: on the kept day, its end is the same sum.
        double next = hourly == null && clock >= dayFrom && clock <= dayTo ? dayEnd
                : (Math.floor(clock / pieceLength) + 1) * pieceLength - clockOffset;
        return next > t ? next : next + pieceLength;
    }
}
