package io.fleetsim.scenario;

import java.util.Locale;

/** How a pool's capacity is bought. */
public enum PoolKind {
    /** A fixed number of replicas paid every hour, busy or idle. */
    RESERVED;

    /** The name used in scenario files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
