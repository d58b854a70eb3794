package io.fleetsim.spec;

import io.fleetsim.input.DurationText;
import io.fleetsim.trace.Trace;
import java.util.List;
import java.util.Locale;

/**
 * How request arrival times are generated: a synthetic process (Poisson or gamma renewal) whose
 * rate may vary over time through {@link RateFactorSpec}s, or the replay of a recorded trace.
 */
public sealed interface ArrivalSpec permits ArrivalSpec.Poisson, ArrivalSpec.Gamma, ArrivalSpec.TraceReplay,
        ArrivalSpec.ClosedLoop {

    /**
     * Mean arrivals per second of the base process, before time-of-day, burst and growth
     * multipliers; for a trace, its mean rate after time and rate scaling (infinite when all its
     * requests arrive at once).
     */
    double meanRatePerSecond();

    /** One line telling the planner how arrivals are made, e.g. how a trace was scaled. */
    String describe();

    /**
     * A Poisson process; with rate factors, a non-homogeneous one, generated exactly by inverting
     * its integrated rate.
     *
     * @param ratePerSecond base arrivals per second
     * @param modulation    time-varying multipliers of the rate (empty: constant rate)
     */
    record Poisson(double ratePerSecond, List<RateFactorSpec> modulation) implements ArrivalSpec {

        public Poisson {
            modulation = List.copyOf(modulation);
        }

        /** A homogeneous Poisson process. */
        public Poisson(double ratePerSecond) {
            this(ratePerSecond, List.of());
        }

        @Override
        public double meanRatePerSecond() {
            return ratePerSecond;
        }

        @Override
        public String describe() {
            return withModulation("Poisson at " + rate(ratePerSecond), modulation);
        }
    }

    /**
     * A renewal process with gamma-distributed gaps: {@code cv} above 1 is burstier than Poisson,
     * below 1 more regular. With rate factors, the renewal process runs in operational time (the
     * integrated rate), so the rate varies while the burstiness stays.
     *
     * @param ratePerSecond base arrivals per second
     * @param cv            coefficient of variation of the gaps (1 = Poisson)
     * @param modulation    time-varying multipliers of the rate (empty: constant rate)
     */
    record Gamma(double ratePerSecond, double cv, List<RateFactorSpec> modulation) implements ArrivalSpec {

        /** Smallest coefficient of variation a scenario may give (shape 400). */
        public static final double MIN_CV = 0.05;
        /** Largest coefficient of variation a scenario may give (shape 0.01; smaller gaps underflow to 0). */
        public static final double MAX_CV = 10;

        public Gamma {
            modulation = List.copyOf(modulation);
        }

        /** Shape of the gap distribution, {@code 1 / cv^2}. */
        public double shape() {
            return 1 / (cv * cv);
        }

        @Override
        public double meanRatePerSecond() {
            return ratePerSecond;
        }

        @Override
        public String describe() {
            return withModulation(String.format(Locale.ROOT, "gamma renewal at %s with CV %s", rate(ratePerSecond),
                    cv), modulation);
        }
    }

    /**
     * The replay of a recorded trace, with its lengths. Time 0 is the first recorded arrival.
     *
     * @param trace     the recorded requests
     * @param timeScale replayed time = timeScale x recorded time (24 stretches 1 h into 24 h)
     * @param rateScale traffic multiplier: below 1 each request is kept with that probability;
     *                  above 1 the trace is superposed with copies of itself, each shifted by a
     *                  random offset of up to {@link #COPY_SHIFT_SECONDS} of trace time (cyclically,
     *                  so no request is lost), the last copy thinned to the fractional part
     * @param loop      start the trace again when it ends, one mean gap after its last arrival
     */
    record TraceReplay(Trace trace, double timeScale, double rateScale, boolean loop) implements ArrivalSpec {

        /** Largest random shift of a superposed copy, in trace seconds (bounded by the loop period). */
        public static final double COPY_SHIFT_SECONDS = 60;

        /**
         * Trace seconds after which the replay starts again: the span plus one mean gap, so the
         * first arrival of a lap does not coincide with the last of the previous one.
         */
        public double periodSeconds() {
            int n = trace.size();
            return n < 2 ? 0 : trace.spanSeconds() * n / (n - 1);
        }

        /** Largest shift of a superposed copy, in trace seconds. */
        public double copyShiftSeconds() {
            return Math.min(COPY_SHIFT_SECONDS, periodSeconds());
        }

        @Override
        public double meanRatePerSecond() {
            double period = periodSeconds();
            return period > 0 ? trace.size() / period * rateScale / timeScale : Double.POSITIVE_INFINITY;
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder(trace.describe());
            if (timeScale != 1) {
                sb.append(", time x").append(number(timeScale));
            }
            if (rateScale < 1) {
                sb.append(", rate x").append(number(rateScale)).append(" by thinning (each request kept with "
                        + "probability ").append(number(rateScale)).append(')');
            } else if (rateScale > 1) {
                int copies = (int) Math.ceil(rateScale);
                double last = rateScale - (copies - 1);
                sb.append(", rate x").append(number(rateScale)).append(" by superposing ").append(copies)
                        .append(" copies (the trace and ").append(copies - 1).append(" shifted by up to ")
                        .append(DurationText.format(copyShiftSeconds())).append(')')
                        .append(last < 1 ? ", the last thinned to " + number(last) : "");
            }
            if (loop) {
                sb.append(", looped every ").append(DurationText.format(periodSeconds() * timeScale));
            }
            return sb.toString();
        }
    }

    private static String withModulation(String base, List<RateFactorSpec> modulation) {
        StringBuilder sb = new StringBuilder(base);
        for (RateFactorSpec f : modulation) {
            sb.append(" x ").append(f.describe());
        }
        return sb.toString();
    }

    private static String rate(double perSecond) {
        return number(perSecond) + "/s";
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * A closed loop: a fixed number of users, each sending its next request a think time after the
     * previous one ended (answered, cancelled or rejected), so load backs off when the fleet is slow.
     *
     * @param users     concurrent users
     * @param thinkTime time between the end of a request and the user's next one
     */
    record ClosedLoop(int users, DurationSpec thinkTime) implements ArrivalSpec {

        /** The rate if every request were answered at once: an upper bound. */
        @Override
        public double meanRatePerSecond() {
            return users / thinkTime.meanSeconds();
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "closed loop: %,d users, mean think time %s", users,
                    io.fleetsim.input.DurationText.format(thinkTime.meanSeconds()));
        }
    }
}
