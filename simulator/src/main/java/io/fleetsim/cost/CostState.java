package io.fleetsim.cost;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a dollar of a run bought, in the one order every report shows them: GPU replica time by
 * state (busy, idle, cold start, draining, billing rounding), hosted-API tokens by kind, the fixed
 * costs spread over the horizon, and reserved time paid while down under repair.
 */
public enum CostState {
    /** Serving replica time with at least one request in service. */
    BUSY("busy"),
    /** Serving replica time with nothing in service. */
    IDLE("idle"),
    /** Replica time paid while starting up. */
    COLD_START("cold_start"),
    /** Replica time paid while draining before release. */
    DRAINING("draining"),
    /** Replica time paid only because of billing granularity. */
    BILLING_ROUNDING("billing_rounding"),
    /** Hosted-API prompt tokens. */
    API_INPUT("api_input"),
    /** Hosted-API prompt tokens served from the provider's cache. */
    API_CACHED_INPUT("api_cached_input"),
    /** Hosted-API output tokens. */
    API_OUTPUT("api_output"),
    /** Fixed monthly costs prorated to the horizon. */
    FIXED("fixed"),
    /**
     * Reserved replica time paid while a failed replica is under repair (last: it came after the
     * others, and reports that show it keep their column order).
     */
    DOWN("down");

    private final String id;

    CostState(String id) {
        this.id = id;
    }

    /** The name reports and JSON use. */
    public String id() {
        return id;
    }

    /**
     * Every state a pool's money can go to (all but {@link #FIXED}), at zero, keyed by id. Keyed
     * by name so that sums over it run in one fixed (alphabetical) order.
     */
    public static Map<String, Double> zeroForPool() {
        Map<String, Double> out = new TreeMap<>();
        for (CostState s : values()) {
            if (s != FIXED) {
                out.put(s.id, 0.0);
            }
        }
        return out;
    }
}
