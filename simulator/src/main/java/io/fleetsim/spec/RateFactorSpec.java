package io.fleetsim.spec;

import io.fleetsim.input.DurationText;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * One time-varying multiplier of a synthetic arrival rate. A process's rate at time t is its base
 * rate times the product of its factors at t, so the factors compose freely: diurnal x flash
 * crowds x random bursts x growth.
 */
public sealed interface RateFactorSpec permits RateFactorSpec.Diurnal, RateFactorSpec.FlashCrowds,
        RateFactorSpec.RandomBursts, RateFactorSpec.Growth {

    /** A phrase for reports, e.g. {@code growth x1.4 per 90d}. */
    String describe();

    /** The shape of one day: the multiplier by hour of day. */
    sealed interface DayShape permits Hourly, Smooth {
    }

    /**
     * One multiplier per clock hour, constant within the hour.
     *
     * @param multipliers 24 values, for 00:00-01:00 first
     */
    record Hourly(List<Double> multipliers) implements DayShape {
        public Hourly {
            multipliers = List.copyOf(multipliers);
        }
    }

    /**
     * A cosine day: {@code 1 + a cos(2 pi (h - peakHour) / 24)} with {@code a} set so that the peak
     * is {@code peakToTrough} times the trough; its mean over a day is 1.
     *
     * @param peakHour     hour of day of the peak, in [0, 24)
     * @param peakToTrough peak rate / trough rate, at least 1
     */
    record Smooth(double peakHour, double peakToTrough) implements DayShape {

        /** The cosine's amplitude {@code a}, in [0, 1). */
        public double amplitude() {
            return (peakToTrough - 1) / (peakToTrough + 1);
        }
    }

    /**
     * Time of day and day of week. Simulated time 0 is {@code startHour} on {@code startDay}.
     *
     * @param shape         the day's shape
     * @param weekdayFactor multiplier on Monday to Friday
     * @param weekendFactor multiplier on Saturday and Sunday
     * @param startDay      day of week at time 0
     * @param startHour     hour of day at time 0, in [0, 24)
     */
    record Diurnal(DayShape shape, double weekdayFactor, double weekendFactor, DayOfWeek startDay,
                   double startHour) implements RateFactorSpec {
        @Override
        public String describe() {
            String day = shape instanceof Smooth s
                    ? String.format(Locale.ROOT, "diurnal (peak at %sh, peak/trough %s", plain(s.peakHour()),
                    plain(s.peakToTrough()))
                    : "diurnal (hourly profile";
            StringBuilder sb = new StringBuilder(day);
            if (weekdayFactor != 1) {
                sb.append(", weekdays x").append(plain(weekdayFactor));
            }
            if (weekendFactor != 1) {
                sb.append(", weekends x").append(plain(weekendFactor));
            }
            if (startHour != 0 || startDay != DayOfWeek.MONDAY) {
                sb.append(", starting ").append(startDay.getDisplayName(TextStyle.SHORT, Locale.ROOT)).append(' ')
                        .append(plain(startHour)).append('h');
            }
            return sb.append(')').toString();
        }
    }

    /**
     * One scheduled surge of traffic.
     *
     * @param startSeconds    when it starts
     * @param durationSeconds how long it lasts
     * @param multiplier      rate multiplier while it lasts
     */
    record FlashCrowd(double startSeconds, double durationSeconds, double multiplier) {
    }

    /**
     * Scheduled surges; overlapping ones multiply.
     *
     * @param crowds the surges, in file order
     */
    record FlashCrowds(List<FlashCrowd> crowds) implements RateFactorSpec {
        public FlashCrowds {
            crowds = List.copyOf(crowds);
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder(crowds.size() == 1 ? "flash crowd (" : "flash crowds (");
            for (int i = 0; i < crowds.size(); i++) {
                FlashCrowd c = crowds.get(i);
                sb.append(i == 0 ? "" : ", ").append('x').append(plain(c.multiplier())).append(" for ")
                        .append(DurationText.format(c.durationSeconds())).append(" at ")
                        .append(DurationText.format(c.startSeconds()));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Random bursts, Markov-modulated: the traffic alternates between a normal state and a burst
     * state, each held for an exponentially distributed time; bursts start on average every
     * {@code meanIntervalSeconds} and last {@code meanDurationSeconds} on average.
     *
     * @param meanIntervalSeconds mean time from one burst's start to the next (greater than the duration)
     * @param meanDurationSeconds mean burst length
     * @param multiplier          rate multiplier during a burst
     */
    record RandomBursts(double meanIntervalSeconds, double meanDurationSeconds, double multiplier)
            implements RateFactorSpec {

        /** Long-run share of time spent in a burst. */
        public double burstShare() {
            return meanDurationSeconds / meanIntervalSeconds;
        }

        /** Long-run mean of the multiplier: {@code 1 + (multiplier - 1) x burstShare}. */
        public double meanMultiplier() {
            return 1 + (multiplier - 1) * burstShare();
        }

        @Override
        public String describe() {
            return "random bursts (x" + plain(multiplier) + " for " + DurationText.format(meanDurationSeconds)
                    + " every " + DurationText.format(meanIntervalSeconds) + " on average)";
        }
    }

    /**
     * Compound growth: the multiplier is {@code factor^(t / perSeconds)}, 1 at time 0.
     *
     * @param perSeconds the period over which traffic is multiplied by {@code factor}
     * @param factor     growth per period (1.4 = +40 %; below 1 is a decline)
     */
    record Growth(double perSeconds, double factor) implements RateFactorSpec {
        @Override
        public String describe() {
            return "growth x" + plain(factor) + " per " + DurationText.format(perSeconds);
        }
    }

    /** A number without a trailing {@code .0}. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
