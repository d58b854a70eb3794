package io.fleetsim.serving;

import io.fleetsim.workload.Request;

/** Hears what servers do with requests; metrics implement it, servers never read it back. */
public interface ServingListener {

    /**
     * A request finished generating its whole output.
     *
     * @param request      the request
     * @param pool         index of the pool that served it
     * @param admittedAt   when a server first took it from the queue
     * @param firstTokenAt when its first output token was produced
     * @param completedAt  when its last output token was produced
     */
    void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt);

    /** A request was admitted and {@code cachedTokens} of its prompt came from the prefix cache. */
    default void prefixLookup(Request request, int cachedTokens) {
    }

    /** A running request lost its KV cache; {@code discardedTokens} must be computed again. */
    default void preempted(Request request, long discardedTokens) {
    }

    /** {@code count} output tokens were each produced {@code seconds} after the previous one. */
    default void tokenGaps(double seconds, long count) {
    }
}
