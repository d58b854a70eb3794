package io.fleetsim.report;

import io.fleetsim.input.DurationText;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** True when the two runs saw the same requests at the same times with the same lengths. */
    public boolean sameAs(TrafficSummary o) {
        return seed == o.seed && simulatedSeconds == o.simulatedSeconds && arrivedByRoute.equals(o.arrivedByRoute)
                && Arrays.equals(arrivalsPerInterval, o.arrivalsPerInterval) && promptTokens == o.promptTokens
                && outputTokens == o.outputTokens;
    }

    /**
     * How this traffic differs from {@code reference}, e.g. {@code 21,575 vs 17,979 requests,
     * 39,451,093 vs 32,512,180 prompt tokens}; names only what differs.
     */
    public String contrast(TrafficSummary reference) {
        List<String> parts = new ArrayList<>();
        if (seed != reference.seed) {
            parts.add(String.format(Locale.ROOT, "seed %d vs %d", seed, reference.seed));
        }
        if (simulatedSeconds != reference.simulatedSeconds) {
            parts.add(DurationText.format(simulatedSeconds) + " vs " + DurationText.format(reference.simulatedSeconds)
                    + " simulated");
        }
        parts.add(String.format(Locale.ROOT, "%,d vs %,d requests", arrived(), reference.arrived()));
        if (!arrivedByRoute.keySet().equals(reference.arrivedByRoute.keySet())) {
            parts.add("routes " + arrivedByRoute.keySet() + " vs " + reference.arrivedByRoute.keySet());
        }
        if (promptTokens >= 0 && reference.promptTokens >= 0) {
            parts.add(String.format(Locale.ROOT, "%,d vs %,d prompt tokens", promptTokens, reference.promptTokens));
            parts.add(String.format(Locale.ROOT, "%,d vs %,d output tokens", outputTokens, reference.outputTokens));
        }
        return String.join(", ", parts);
    }
}
