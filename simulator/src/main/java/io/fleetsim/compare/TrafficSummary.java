package io.fleetsim.compare;

import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The traffic a run saw, as the run itself recorded it: requests arrived by route, arrivals per
 * sampling interval, and the prompt and output tokens of all arrivals. Two runs on the same
 * workload and seed (common random numbers) have equal summaries, whatever their fleets did.
 *
 * @param seed             seed of the run
 * @param simulatedSeconds horizon
 * @param arrivedByRoute   requests arrived, by route, in route order
 * @param arrivalsPerInterval requests arrived in each sampling interval
 * @param promptTokens     prompt tokens of all arrivals (-1 when the run did not record them)
 * @param outputTokens     output tokens of all arrivals (-1 when the run did not record them)
 */
public record TrafficSummary(long seed, double simulatedSeconds, Map<String, Long> arrivedByRoute,
                             double[] arrivalsPerInterval, long promptTokens, long outputTokens) {

    public TrafficSummary {
        arrivedByRoute = Collections.unmodifiableMap(new LinkedHashMap<>(arrivedByRoute));
        arrivalsPerInterval = arrivalsPerInterval.clone();
    }

    /** The summary of what {@code run} recorded. */
    public static TrafficSummary of(RunResult run) {
        Map<String, Long> byRoute = new LinkedHashMap<>();
        for (RouteResult r : run.routes()) {
            byRoute.put(r.name(), r.requests().arrived());
        }
        TimeSeries ts = run.timeSeries();
        double[] perInterval = ts.column("arrivals") >= 0 ? ts.values("arrivals") : new double[0];
        return new TrafficSummary(run.seed(), run.simulatedSeconds(), byRoute, perInterval,
                sum(ts, "arrived_prompt_tokens"), sum(ts, "arrived_output_tokens"));
    }

    private static long sum(TimeSeries ts, String column) {
        return ts.column(column) < 0 ? -1 : Math.round(Arrays.stream(ts.values(column)).sum());
    }

    /** All requests arrived. */
    public long arrived() {
        return arrivedByRoute.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when both runs recorded the tokens of their arrivals, so that they can be told apart by them. */
    public boolean tokensComparableWith(TrafficSummary o) {
        return promptTokens >= 0 && o.promptTokens >= 0;
    }

    /** What differs from {@code reference}; empty when the two runs saw the same requests at the same times. */
    public Set<TrafficAspect> differencesFrom(TrafficSummary reference) {
        Set<TrafficAspect> out = EnumSet.noneOf(TrafficAspect.class);
        if (seed != reference.seed) {
            out.add(TrafficAspect.SEED);
        }
        if (simulatedSeconds != reference.simulatedSeconds) {
            out.add(TrafficAspect.HORIZON);
        }
        if (!arrivedByRoute.keySet().equals(reference.arrivedByRoute.keySet())) {
            out.add(TrafficAspect.ROUTES);
        }
        if (!arrivedByRoute.equals(reference.arrivedByRoute)) {
            out.add(TrafficAspect.REQUESTS_BY_ROUTE);
        }
        if (!Arrays.equals(arrivalsPerInterval, reference.arrivalsPerInterval)) {
            out.add(TrafficAspect.ARRIVAL_TIMES);
        }
        if (promptTokens != reference.promptTokens) {
            out.add(TrafficAspect.PROMPT_TOKENS);
        }
        if (outputTokens != reference.outputTokens) {
            out.add(TrafficAspect.OUTPUT_TOKENS);
        }
        return out;
    }

    /** True when the two runs saw the same requests at the same times with the same lengths. */
    public boolean sameAs(TrafficSummary o) {
        return differencesFrom(o).isEmpty();
    }
}
