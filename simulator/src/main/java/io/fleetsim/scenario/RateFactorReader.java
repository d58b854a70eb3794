package io.fleetsim.scenario;

import io.fleetsim.input.DurationText;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.RateFactorSpec;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates the time-varying multipliers of a synthetic arrival process: {@code diurnal},
 * {@code flash_crowds}, {@code random_bursts} and {@code growth}, in that order of composition.
 */
final class RateFactorReader {

    /** The fields this reader owns in an arrivals block. */
    static final List<String> FIELDS = List.of("diurnal", "flash_crowds", "random_bursts", "growth");

    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday"};
    /** A trough this far below the peak is no longer a day curve but an outage. */
    private static final double MAX_PEAK_TO_TROUGH = 1000;
    private static final double MAX_MULTIPLIER = 1e6;

    private RateFactorReader() {
    }

    static List<RateFactorSpec> read(SpecNode arrivals) {
        List<RateFactorSpec> factors = new ArrayList<>();
        if (!arrivals.get("diurnal").isMissing()) {
            factors.add(diurnal(arrivals.get("diurnal")));
        }
        if (!arrivals.get("flash_crowds").isMissing()) {
            factors.add(flashCrowds(arrivals.get("flash_crowds")));
        }
        if (!arrivals.get("random_bursts").isMissing()) {
            factors.add(randomBursts(arrivals.get("random_bursts")));
        }
        if (!arrivals.get("growth").isMissing()) {
            factors.add(growth(arrivals.get("growth")));
        }
        return factors;
    }

    private static RateFactorSpec.Diurnal diurnal(SpecNode node) {
        node.allowOnly("hourly", "peak_hour", "peak_to_trough", "weekday_factor", "weekend_factor", "start_day",
                "start_hour");
        boolean hourly = !node.get("hourly").isMissing();
        boolean smooth = !node.get("peak_hour").isMissing() || !node.get("peak_to_trough").isMissing();
        if (hourly == smooth) {
            throw node.error("give either hourly (24 multipliers, from 00:00) or peak_hour and peak_to_trough");
        }
        RateFactorSpec.DayShape shape = hourly ? hourly(node.get("hourly"))
                : new RateFactorSpec.Smooth(hourOfDay(node.required("peak_hour")),
                node.required("peak_to_trough").numberIn(1, MAX_PEAK_TO_TROUGH));
        double weekday = factor(node.get("weekday_factor"));
        double weekend = factor(node.get("weekend_factor"));
        if (weekday == 0 && weekend == 0) {
            throw node.get("weekend_factor").error("weekday_factor and weekend_factor cannot both be 0");
        }
        DayOfWeek startDay = node.get("start_day").isMissing() ? DayOfWeek.MONDAY
                : DayOfWeek.valueOf(node.get("start_day").choice(DAYS).toUpperCase(Locale.ROOT));
        double startHour = node.get("start_hour").isMissing() ? 0 : hourOfDay(node.get("start_hour"));
        return new RateFactorSpec.Diurnal(shape, weekday, weekend, startDay, startHour);
    }

    private static RateFactorSpec.Hourly hourly(SpecNode node) {
        List<SpecNode> values = node.elements();
        if (values.size() != 24) {
            throw node.error("must list 24 multipliers, one per hour from 00:00 (got " + values.size() + ")");
        }
        List<Double> multipliers = new ArrayList<>();
        for (SpecNode v : values) {
            multipliers.add(v.numberIn(0, MAX_MULTIPLIER));
        }
        if (multipliers.stream().allMatch(m -> m == 0)) {
            throw node.error("needs at least one multiplier > 0");
        }
        return new RateFactorSpec.Hourly(multipliers);
    }

    private static double hourOfDay(SpecNode node) {
        double h = node.numberIn(0, 24);
        if (h == 24) {
            throw node.error("must be an hour of day, at least 0 and below 24 (got 24; use 0)");
        }
        return h;
    }

    private static double factor(SpecNode node) {
        return node.isMissing() ? 1 : node.numberIn(0, MAX_MULTIPLIER);
    }

    private static RateFactorSpec.FlashCrowds flashCrowds(SpecNode node) {
        List<SpecNode> items = node.elements();
        if (items.isEmpty()) {
            throw node.error("needs at least one flash crowd {start, duration, multiplier} (or leave it out)");
        }
        List<RateFactorSpec.FlashCrowd> crowds = new ArrayList<>();
        for (SpecNode c : items) {
            c.allowOnly("start", "duration", "multiplier");
            crowds.add(new RateFactorSpec.FlashCrowd(c.required("start").durationSeconds(),
                    c.required("duration").positiveDurationSeconds(), multiplier(c.required("multiplier"))));
        }
        return new RateFactorSpec.FlashCrowds(crowds);
    }

    private static RateFactorSpec.RandomBursts randomBursts(SpecNode node) {
        node.allowOnly("mean_interval", "mean_duration", "multiplier");
        double interval = node.required("mean_interval").positiveDurationSeconds();
        double duration = node.required("mean_duration").positiveDurationSeconds();
        if (!(duration < interval)) {
            throw node.get("mean_duration").error("must be shorter than mean_interval ("
                    + DurationText.format(interval) + "), the mean time from one burst's start to the next");
        }
        return new RateFactorSpec.RandomBursts(interval, duration, multiplier(node.required("multiplier")));
    }

    private static RateFactorSpec.Growth growth(SpecNode node) {
        node.allowOnly("per", "factor");
        return new RateFactorSpec.Growth(node.required("per").positiveDurationSeconds(),
                multiplier(node.required("factor")));
    }

    private static double multiplier(SpecNode node) {
        double m = node.positiveNumber();
        if (m > MAX_MULTIPLIER) {
            throw node.error("must be at most " + (long) MAX_MULTIPLIER + " (got " + m + ")");
        }
        return m;
    }
}
