package io.fleetsim.serving;

import io.fleetsim.workload.Request;

/** The queue a server pulls its next requests from (its pool's waiting line). */
public interface WorkSource {

    /** The request that would be taken next, or null when none waits. */
    Request peek();

    /** Takes the next request, or returns null when none waits. */
    Request poll();

    /**
     * How many requests wait. A source that cannot count says 1 when one waits: a lower bound, so
     * a server waiting for several (attention-DP balancing) waits out its timeout instead.
     */
    default int waiting() {
        return peek() == null ? 0 : 1;
    }

    /** {@code server} has just run out of work (so the source can hand it the next request at once). */
    default void serverIdle(Server server) {
    }

    /**
     * {@code server}'s requests in service or outstanding tokens have just changed (so the source
     * can keep its servers ordered by load instead of scanning them). Called before the server
     * tells anyone else of the change.
     */
    default void loadChanged(Server server) {
    }
}
