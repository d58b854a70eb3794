package io.fleetsim.workload;

import java.util.Locale;

/** Why tokens that were processed did not count as useful. */
public enum WasteCause {
    /** The request completed, but later than its route's TTFT or TPOT target. */
    OUTSIDE_SLO,
    /** KV cache discarded by a preemption, to be computed again. */
    PREEMPTED_RECOMPUTE,
    /** Work lost when a spot replica was taken away mid-request (served again elsewhere). */
    SPOT_LOST,
    /** Work of attempts that failed and were tried again or given up: API errors, cancelled attempts retried. */
    FAILED_ATTEMPTS,
    /** Work done for requests their client gave up on for good (before or after its first token). */
    CANCELLED,
    /**
     * Answers delivered within their SLO that the product rejected on quality (acceptance rate),
     * including the rejected first attempts a client asked again or escalated to a larger model.
     */
    REJECTED_QUALITY,
    /** Tokens generated after the client had disconnected, by a server that does not abort ("confetti"). */
    AFTER_DISCONNECT,
    /** Draft tokens of speculative decoding that the target model verified and rejected. */
    REJECTED_DRAFT;

    /** The key used in reports, e.g. {@code outside_slo}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
