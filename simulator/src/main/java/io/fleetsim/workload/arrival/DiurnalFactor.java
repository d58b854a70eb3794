package io.fleetsim.workload.arrival;

import io.fleetsim.spec.RateFactorSpec;
import java.time.DayOfWeek;

/** Time of day times day of week, on the clock that starts at the spec's day and hour. */
public final class DiurnalFactor implements RateFactor {

    private static final double HOUR = 3600;
    private static final double DAY = 86400;

    private final double[] hourly;
    private final double amplitude;
    private final double peakHour;
    private final double weekdayFactor;
    private final double weekendFactor;
    /** Seconds from Monday 00:00 to time 0. */
    private final double clockOffset;
    /** Pieces end at each hour for an hourly profile, at each midnight for a smooth one. */
    private final double pieceLength;

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
        double day = Math.floor(clock / DAY);
        double hourOfDay = (clock - day * DAY) / HOUR;
        boolean weekend = Math.floorMod((long) day, 7) >= 5;
        double dayFactor = weekend ? weekendFactor : weekdayFactor;
        if (hourly != null) {
            return dayFactor * hourly[Math.min(23, (int) hourOfDay)];
        }
        // StrictMath's cosine (the same on every machine), computed in Java: see StrictCosine
        return dayFactor * (1 + amplitude * StrictCosine.cos(2 * Math.PI * (hourOfDay - peakHour) / 24));
    }

    @Override
    public double nextBreak(double t) {
        double clock = clockOffset + t;
        double next = (Math.floor(clock / pieceLength) + 1) * pieceLength - clockOffset;
        return next > t ? next : next + pieceLength;
    }
}
