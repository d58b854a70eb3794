package io.fleetsim.plan;

import io.fleetsim.spec.PoolKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A way of buying capacity that {@code plan} compares: the kinds of pool that serve, in routing order. */
public enum PlanStrategy {
    /** Every token bought from a hosted API. */
    API_ONLY("all-api", List.of(PoolKind.API)),
    /** Reserved replicas for everything. */
    RESERVED("reserved", List.of(PoolKind.RESERVED)),
    /** Reserved replicas for the base, the API for what they cannot take in time. */
    RESERVED_API("reserved+api", List.of(PoolKind.RESERVED, PoolKind.API)),
    /** Autoscaled on-demand replicas, the API for bursts and cold starts. */
    ON_DEMAND_API("on-demand+api", List.of(PoolKind.ON_DEMAND, PoolKind.API)),
    /** Spot replicas, the API for what they cannot take and for interruptions. */
    SPOT_API("spot+api", List.of(PoolKind.SPOT, PoolKind.API)),
    /** Reserved base, spot above it, the API last. */
    RESERVED_SPOT_API("reserved+spot+api", List.of(PoolKind.RESERVED, PoolKind.SPOT, PoolKind.API));

    private final String id;
    private final List<PoolKind> kinds;

    PlanStrategy(String id, List<PoolKind> kinds) {
        this.id = id;
        this.kinds = kinds;
    }

    /** The name on the command line and in reports, e.g. {@code reserved+api}. */
    public String id() {
        return id;
    }

    /** The kinds of pool that serve. */
    public List<PoolKind> kinds() {
        return kinds;
    }

    /** True when every token goes to a hosted API. */
    public boolean apiOnly() {
        return this == API_ONLY;
    }

    /** The strategy named {@code id}; the error lists the names. */
    public static PlanStrategy fromId(String id) {
        for (PlanStrategy s : values()) {
            if (s.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + id + "'; strategies: " + ids());
    }

    /** Every strategy name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(PlanStrategy::id).collect(Collectors.joining(", "));
    }
}
