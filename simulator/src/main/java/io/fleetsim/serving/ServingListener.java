package io.fleetsim.serving;

import io.fleetsim.workload.RejectCause;
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

    /**
     * As {@link #completed(Request, int, double, double, double)}, with the requests in service at
     * the replica when it took this one, itself included: the load its front end had (which the
     * metrics turn into request latency, {@link io.fleetsim.spec.PerformanceSpec#requestLatencyPerInFlightSeconds}).
     * A listener that does not need it ignores it.
     */
    default void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt,
                           int inServiceAtAdmission) {
        completed(request, pool, admittedAt, firstTokenAt, completedAt);
    }

    /** A server took a request from its pool's queue. */
    default void admitted(Request request, Server server) {
    }

    /** A request's first output token was produced. */
    default void firstToken(Request request, double time) {
    }

    /** A request was cancelled while {@code processedTokens} of its work were done (now wasted). */
    default void cancelledWork(Request request, long processedTokens) {
    }

    /** A request was admitted and {@code cachedTokens} of its prompt came from the prefix cache. */
    default void prefixLookup(Request request, int cachedTokens) {
    }

    /** A running request on a replica of {@code pool} lost its KV cache; {@code discardedTokens} must be computed again. */
    default void preempted(Request request, int pool, long discardedTokens) {
    }

    /** A request in service lost {@code lostTokens} of work because its machine was taken away. */
    default void lostToInterruption(Request request, long lostTokens) {
    }

    /** A hosted API served a call: the tokens it bills. */
    default void apiUsage(Request request, int pool, long inputTokens, long cachedInputTokens, long outputTokens) {
    }

    /**
     * A call failed or was refused; {@code wastedTokens} were processed for nothing. It will be tried
     * again, unless {@link #failed} follows at once (the last attempt).
     */
    default void retried(Request request, long wastedTokens) {
    }

    /** A request was given up on at {@code time} after its last attempt, for {@code cause}. */
    default void failed(Request request, RejectCause cause, double time) {
    }

    /** A replica of {@code pool} spent this long computing prompts and generating tokens. */
    default void computeTime(int pool, double prefillSeconds, double decodeSeconds) {
    }

    /**
     * The KV cache of {@code request}'s prompt, {@code bytes} bytes, reached the decode side of a
     * disaggregated deployment of {@code pool}, {@code seconds} after its prefill ended (waiting
     * for the link included).
     */
    default void kvTransferred(int pool, Request request, double seconds, double bytes) {
    }

    /**
     * Speculative decoding of {@code request}: its drafter proposed {@code proposed} tokens over a
     * stretch of decode steps, of which {@code accepted} were kept (the rest is compute spent for
     * nothing).
     */
    default void speculated(Request request, long proposed, long accepted) {
    }

    /** {@code count} output tokens were each produced {@code seconds} after the previous one. */
    default void tokenGaps(double seconds, long count) {
    }
}
