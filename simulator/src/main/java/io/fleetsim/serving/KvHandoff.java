package io.fleetsim.serving;

import io.fleetsim.workload.Request;

/**
 * How the workers of a disaggregated deployment ({@link DisaggregatedServer}) pass a request on:
 * a prefill worker hands over each prompt it has prefilled, and a decode worker, taking the
 * request over once its KV cache has arrived, learns when the request was first admitted.
 */
interface KvHandoff {

    /** {@code from} (a prefill worker) has prefilled {@code request}'s prompt at {@code now}. */
    void prefilled(LlmReplica from, Request request, double admittedAt, double now);

    /** When the deployment first took {@code request}, waiting for a decode worker, from its pool's queue. */
    double admittedAt(Request request);
}
