package io.fleetsim.workload;

import java.util.Locale;

/** Why a request was turned away without being served. */
public enum RejectCause {
    /** Prompt plus output exceed the serving pool's maximum model length. */
    TOO_LONG,
    /** The serving pool has no replica and can never get one. */
    NO_CAPACITY,
    /** Every pool of the route was at its queue limit (admission control shed the request). */
    SHED,
    /**
     * Every pool of the route held {@code PoolSpec.DEFAULT_MAX_QUEUE} queued requests, the limit of
     * pools whose scenario sets no {@code max_queue}: traffic beyond capacity for good.
     */
    QUEUE_FULL,
    /** A hosted API's rate limit refused every attempt. */
    RATE_LIMITED,
    /** A hosted API failed every attempt. */
    API_ERROR;

    /** The key used in reports, e.g. {@code too_long}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
