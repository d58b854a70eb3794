package io.fleetsim.metrics;

import java.util.Locale;

/** Why a request was turned away without being served. */
public enum RejectCause {
    /** Prompt plus output exceed the serving pool's maximum model length. */
    TOO_LONG,
    /** The serving pool has no replica. */
    NO_CAPACITY;

    /** The key used in reports, e.g. {@code too_long}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
