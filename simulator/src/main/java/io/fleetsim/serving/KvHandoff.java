package io.fleetsim.serving;

import io.fleetsim.workload.Request;

/**
 * How the workers of a disaggregated deployment ({@link DisaggregatedServer}) pass a request on:
 * a prefill worker hands over each prompt it has prefilled, and a decode worker, taking the
 * request over once its KV cache has arrived, learns when the request was first admitted.
 */
interface KvHandoff {

    /**
     * {@code from} (a prefill worker) has prefilled {@code request}'s prompt at {@code now}, having
     * taken it at {@code admittedAt} with {@code inServiceAtAdmission} requests in service.
     */
    void prefilled(LlmReplica from, Request request, double admittedAt, int inServiceAtAdmission, double now);

    /** How the deployment first took {@code request}, waiting for a decode worker, from its pool's queue. */
    Admission admission(Request request);

    /**
     * When a prefill worker took a request from the pool's queue and the requests then in service
     * there, itself included (the load its front end had).
     */
    record Admission(double at, int inService) {
    }
}
