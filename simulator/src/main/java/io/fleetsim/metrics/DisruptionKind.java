package io.fleetsim.metrics;

import java.util.Locale;

/** What took replicas out of service for a window of time. */
public enum DisruptionKind {
    /** A zone's share of a pool lost for a while. */
    ZONE_OUTAGE,
    /** A pool's replicas replaced a batch at a time. */
    ROLLING_DEPLOY;

    /** The key used in reports, e.g. {@code zone_outage}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
