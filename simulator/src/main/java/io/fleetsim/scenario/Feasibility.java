package io.fleetsim.scenario;

import io.fleetsim.input.DurationText;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.RateFactorSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ZoneOutageSpec;
import java.util.List;
import java.util.Locale;

/**
 * What a scenario may ask of one run, checked before it starts, so that no input makes a run hang
 * or grow without end: a horizon of at most {@link #MAX_HORIZON_SECONDS}, and at most
 * {@link #DEFAULT_MAX_REQUESTS} expected requests (the arrival rate times the horizon, with
 * growth; a closed loop's users over their think time; a trace's requests times its rate scale).
 * The request ceiling can be raised with the system property {@value #PROPERTY}, e.g.
 * {@code FLEETSIM_JAVA_OPTS=-Dfleetsim.max.requests=1e9}. The estimate leaves out bounded
 * multipliers (time of day, bursts, flash crowds): it is about orders of magnitude.
 */
public final class Feasibility {

    /** Expected requests one run may have unless {@value #PROPERTY} says otherwise: 100 million. */
    public static final double DEFAULT_MAX_REQUESTS = 1e8;
    /** The system property that overrides {@link #DEFAULT_MAX_REQUESTS}. */
    public static final String PROPERTY = "fleetsim.max.requests";
    /** The longest horizon: 366 days (the time series and periodic events grow with it). */
    public static final double MAX_HORIZON_SECONDS = 366 * 86_400.0;

    private Feasibility() {
    }

    /** Checks {@code scenario} against the ceiling in force. */
    public static void check(ScenarioSpec scenario) {
        check(scenario, "scenario '" + scenario.name() + "'", ceiling());
    }

    /** Checks {@code scenario}, read from the file errors call {@code file}, against the ceiling in force. */
    public static void check(ScenarioSpec scenario, String file) {
        check(scenario, file, ceiling());
    }

    /**
     * Checks {@code scenario} against {@code maxRequests}.
     *
     * @throws ScenarioException naming the field to change
     */
    public static void check(ScenarioSpec scenario, double maxRequests) {
        check(scenario, "scenario '" + scenario.name() + "'", maxRequests);
    }

    /** Random zone outages are all drawn when the run starts: at most this many expected per outage entry. */
    public static final double MAX_RANDOM_OUTAGES = 1e5;

    private static void checkOutages(ScenarioSpec scenario, String where, double horizon) {
        for (int p = 0; p < scenario.pools().size(); p++) {
            List<ZoneOutageSpec> outages = scenario.pools().get(p).disruptions().zoneOutages();
            for (int i = 0; i < outages.size(); i++) {
                ZoneOutageSpec o = outages.get(i);
                if (o.random() && !(horizon / o.meanSecondsBetween() <= MAX_RANDOM_OUTAGES)) {
                    throw new ScenarioException(where, 0, "pools[" + p + "].zone_outages[" + i + "].mean_time_between",
                            String.format(Locale.ROOT, "about %.3g outages expected over the %s horizon, more than "
                                    + "%,.0f: a longer mean time between outages", horizon / o.meanSecondsBetween(),
                                    DurationText.format(horizon), MAX_RANDOM_OUTAGES));
                }
            }
        }
    }

    private static void check(ScenarioSpec scenario, String where, double maxRequests) {
        double horizon = scenario.horizonSeconds();
        if (!(horizon <= MAX_HORIZON_SECONDS)) {
            throw new ScenarioException(where, 0, "horizon", "at most 366d (got " + DurationText.format(horizon) + ")");
        }
        checkOutages(scenario, where, horizon);
        ArrivalSpec arrivals = scenario.workload().arrivals();
        double expected = expectedRequests(arrivals, horizon);
        if (!(expected <= maxRequests)) {
            throw new ScenarioException(where, 0, field(arrivals), String.format(Locale.ROOT,
                    "about %.3g requests expected over the %s horizon, more than the ceiling of %,.0f: lower it or the "
                            + "horizon, or raise the ceiling with -D%s=N in FLEETSIM_JAVA_OPTS", expected,
                    DurationText.format(horizon), maxRequests, PROPERTY));
        }
    }

    /** The request ceiling: {@value #PROPERTY} when set to a positive number, else the default. */
    static double ceiling() {
        String text = System.getProperty(PROPERTY);
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_REQUESTS;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below, with the property named
        }
        throw new ScenarioException("-D" + PROPERTY, 0, "", "must be a positive number (got \"" + text + "\")");
    }

    /** About how many requests {@code arrivals} makes in {@code horizon} seconds. */
    static double expectedRequests(ArrivalSpec arrivals, double horizon) {
        if (arrivals instanceof ArrivalSpec.Poisson p) {
            return p.ratePerSecond() * horizon * growth(p.modulation(), horizon);
        }
        if (arrivals instanceof ArrivalSpec.Gamma g) {
            return g.ratePerSecond() * horizon * growth(g.modulation(), horizon);
        }
        if (arrivals instanceof ArrivalSpec.TraceReplay t) {
            return t.loop() ? t.meanRatePerSecond() * horizon
                    : t.trace().size() * Math.max(1, Math.ceil(t.rateScale()));
        }
        return arrivals.meanRatePerSecond() * horizon;
    }

    /** The largest growth multiplier over the horizon (1 without growth or for a decline). */
    private static double growth(List<RateFactorSpec> factors, double horizon) {
        double g = 1;
        for (RateFactorSpec f : factors) {
            if (f instanceof RateFactorSpec.Growth growth && growth.factor() > 1) {
                g *= Math.pow(growth.factor(), horizon / growth.perSeconds());
            }
        }
        return g;
    }

    private static String field(ArrivalSpec arrivals) {
        if (arrivals instanceof ArrivalSpec.ClosedLoop) {
            return "workload.arrivals.users";
        }
        return arrivals instanceof ArrivalSpec.TraceReplay ? "workload.arrivals.rate_scale"
                : "workload.arrivals.rate_per_s";
    }
}
