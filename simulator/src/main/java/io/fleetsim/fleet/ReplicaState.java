package io.fleetsim.fleet;

import java.util.Locale;

/** Where a replica is in its life; every state but {@link #GONE} is paid for. */
public enum ReplicaState {
    /** Requested: machine provisioning and model loading, not serving yet. */
    COLD_START,
    /** Serving requests (busy or idle). */
    SERVING,
    /** Finishing its requests before release (scale-down or spot notice); takes no new work. */
    DRAINING,
    /** Released or taken away; no longer paid. */
    GONE;

    /** The key used in reports, e.g. {@code cold_start}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
