package io.fleetsim.report;

import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.SloSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What keeps compared strategies from being like for like, each as one sentence for the
 * planner: traffic that differs from the first strategy's (then results differ partly because
 * of the traffic: {@link #TRAFFIC_NOTE}), and SLO targets that differ (then attainment is
 * measured against other targets).
 */
public final class TrafficDifference {

    /** Said once after any traffic difference. */
    public static final String TRAFFIC_NOTE = "Results of strategies that saw other traffic differ partly because "
            + "of it (intended when comparing loads). Strategies with the same workload block and seed see the "
            + "same requests.";

    private TrafficDifference() {
    }

    /** Strategies whose traffic differs from the first one's; empty when all saw the same. */
    public static List<String> traffic(List<Strategy> strategies) {
        List<String> out = new ArrayList<>();
        if (strategies.isEmpty()) {
            return out;
        }
        Strategy first = strategies.get(0);
        TrafficSummary reference = TrafficSummary.of(first.result());
        for (Strategy s : strategies.subList(1, strategies.size())) {
            TrafficSummary t = TrafficSummary.of(s.result());
            if (!t.sameAs(reference)) {
                out.add(s.name() + " saw other traffic than " + first.name() + ": " + t.contrast(reference) + ".");
            }
        }
        return out;
    }

    /** Routes whose SLO targets differ from the first strategy's. */
    public static List<String> slos(List<Strategy> strategies) {
        List<String> out = new ArrayList<>();
        if (strategies.isEmpty()) {
            return out;
        }
        Strategy first = strategies.get(0);
        for (Strategy s : strategies.subList(1, strategies.size())) {
            for (RouteSpec route : s.report().scenario().workload().routes()) {
                Optional<SloSpec> ref = first.report().slo(route.name());
                if (ref.isPresent() && !ref.get().equals(route.slo())) {
                    out.add(s.name() + " holds route " + route.name() + " to other SLO targets than "
                            + first.name() + "; its SLO attainment is measured against them.");
                }
            }
        }
        return out;
    }
}
