package io.fleetsim.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A synthetic workload fitted to a trace: the mean rate, a 24-hour profile when the trace spans
 * at least a day, the burstiness of the gaps, and lognormal lengths matching the median and 99th
 * percentile. Lengths are fitted independently of each other.
 *
 * @param ratePerSecond mean arrivals per second (the mean of the hourly rates when there is a profile)
 * @param hourly        24 multipliers of the rate by clock hour, mean 1, when the trace spans a day
 * @param startHour     clock hour of the first arrival (0 when the trace has no wall-clock times)
 * @param gapCv         coefficient of variation of the gaps, in operational time when there is a profile
 * @param prompt        prompt lengths
 * @param output        output lengths
 */
public record TraceFit(double ratePerSecond, Optional<List<Double>> hourly, double startHour, double gapCv,
                       LengthFit prompt, LengthFit output) {

    private static final double HOUR = 3600;
    private static final double DAY = 86400;

    /**
     * A lognormal by its median and 99th percentile, capped at the largest recorded length.
     *
     * @param median median length, at least 1
     * @param p99    99th percentile, at least the median
     * @param max    largest recorded length, at least the 99th percentile
     */
    public record LengthFit(double median, double p99, double max) {

        static LengthFit of(LengthSummary s) {
            double median = Math.max(1, s.p50());
            double p99 = Math.max(median, s.p99());
            return new LengthFit(median, p99, Math.max(p99, s.max()));
        }
    }

    /** The fit of {@code trace}. */
    public static TraceFit of(Trace trace) {
        TraceStats stats = TraceStats.of(trace);
        double startHour = trace.startHourOfDay().orElse(0);
        LengthFit prompt = LengthFit.of(stats.prompt());
        LengthFit output = LengthFit.of(stats.output());
        if (trace.spanSeconds() < DAY) {
            return new TraceFit(stats.meanRatePerSecond(), Optional.empty(), startHour, stats.interArrivalCv(),
                    prompt, output);
        }
        double[] rates = hourlyRates(trace, startHour);
        double mean = Arrays.stream(rates).sum() / 24;
        double[] multipliers = Arrays.stream(rates).map(r -> r / mean).toArray();
        double cv = TraceStats.gapCv(trace, t -> multipliers[hourOfDay(startHour, t)]);
        return new TraceFit(mean, Optional.of(Arrays.stream(multipliers).boxed().toList()), startHour, cv, prompt,
                output);
    }

    /** Arrivals per second by clock hour: arrivals in that hour over the seconds the trace covers it. */
    private static double[] hourlyRates(Trace trace, double startHour) {
        double[] counts = new double[24];
        double[] exposure = new double[24];
        for (int i = 0; i < trace.size(); i++) {
            counts[hourOfDay(startHour, trace.arrivalSeconds(i))]++;
        }
        double start = startHour * HOUR;
        double end = start + trace.spanSeconds();
        for (double from = start; from < end; ) {
            double to = Math.min(end, (Math.floor(from / HOUR) + 1) * HOUR);
            exposure[(int) Math.floorMod((long) Math.floor(from / HOUR), 24L)] += to - from;
            from = to;
        }
        double[] rates = new double[24];
        for (int h = 0; h < 24; h++) {
            rates[h] = counts[h] / exposure[h];
        }
        return rates;
    }

    private static int hourOfDay(double startHour, double t) {
        return (int) Math.floorMod((long) Math.floor(startHour + t / HOUR), 24L);
    }
}
