package io.fleetsim.report;

import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.SloDifference;
import io.fleetsim.compare.TrafficAspect;
import io.fleetsim.compare.TrafficDifference;
import io.fleetsim.compare.TrafficSummary;
import io.fleetsim.input.DurationText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What keeps compared strategies from being like for like, each as one sentence for the planner:
 * the {@link Comparison#trafficDifferences() traffic differences} (then {@link #TRAFFIC_NOTE}
 * once) and the {@link Comparison#sloDifferences() SLO targets that differ}.
 */
public final class ComparisonNotes {

    /** Said once after any traffic difference. */
    public static final String TRAFFIC_NOTE = "Results of strategies that saw other traffic differ partly because "
            + "of it (intended when comparing loads). Strategies with the same workload block and seed see the "
            + "same requests.";

    private ComparisonNotes() {
    }

    /** Every note of {@code c}, traffic first; empty when the comparison is like for like. */
    public static List<String> of(Comparison c) {
        List<String> out = new ArrayList<>();
        for (TrafficDifference d : c.trafficDifferences()) {
            out.add(d.strategy().name() + " saw other traffic than " + d.reference().name() + ": " + contrast(d)
                    + ".");
        }
        if (!out.isEmpty()) {
            out.add(TRAFFIC_NOTE);
        }
        for (SloDifference d : c.sloDifferences()) {
            out.add(d.strategy().name() + " holds route " + d.route() + " to other SLO targets than "
                    + d.reference().name() + "; its SLO attainment is measured against them.");
        }
        return out;
    }

    /**
     * How the traffic differs, e.g. {@code 21,575 vs 17,979 requests, 39,451,093 vs 32,512,180
     * prompt tokens}: the seed, horizon and routes only when they differ, then the request and
     * token totals.
     */
    static String contrast(TrafficDifference d) {
        TrafficSummary t = d.traffic();
        TrafficSummary r = d.referenceTraffic();
        List<String> parts = new ArrayList<>();
        if (d.aspects().contains(TrafficAspect.SEED)) {
            parts.add(String.format(Locale.ROOT, "seed %d vs %d", t.seed(), r.seed()));
        }
        if (d.aspects().contains(TrafficAspect.HORIZON)) {
            parts.add(DurationText.format(t.simulatedSeconds()) + " vs " + DurationText.format(r.simulatedSeconds())
                    + " simulated");
        }
        parts.add(String.format(Locale.ROOT, "%,d vs %,d requests", t.arrived(), r.arrived()));
        if (d.aspects().contains(TrafficAspect.ROUTES)) {
            parts.add("routes " + t.arrivedByRoute().keySet() + " vs " + r.arrivedByRoute().keySet());
        }
        if (t.tokensComparableWith(r)) {
            parts.add(String.format(Locale.ROOT, "%,d vs %,d prompt tokens", t.promptTokens(), r.promptTokens()));
            parts.add(String.format(Locale.ROOT, "%,d vs %,d output tokens", t.outputTokens(), r.outputTokens()));
        }
        return String.join(", ", parts);
    }
}
