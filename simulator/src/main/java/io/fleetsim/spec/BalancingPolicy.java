package io.fleetsim.spec;

import java.util.Locale;

/** How a pool spreads requests over its replicas. */
public enum BalancingPolicy {
    /** One queue for the pool; a replica takes the oldest request whenever it has room (late binding). */
    CENTRAL_QUEUE,
    /** Each request goes to the next serving replica in turn, into that replica's own queue. */
    ROUND_ROBIN,
    /** Each request goes to the replica with the fewest tokens queued or in service. */
    LEAST_OUTSTANDING_TOKENS,
    /** Two replicas drawn at random; the request goes to the one with fewer outstanding tokens. */
    POWER_OF_TWO,
    /** The replica whose prefix cache holds the longest part of the prompt; ties by fewest outstanding tokens. */
    PREFIX_AWARE;

    /** The name used in scenario files, e.g. {@code least_outstanding_tokens}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
