package io.fleetsim.validation;

import io.fleetsim.spec.HandoffSpec;
import io.fleetsim.spec.ServerSpec;

/**
 * The simulated counterpart of a measured disaggregated deployment: one xPyD deployment behind a
 * benchmark client keeping {@code clients} requests in flight.
 *
 * @param server                the deployment: its prefill and decode workers and the KV link
 * @param clients               the client concurrency
 * @param engine                the serving engine the row names
 * @param requestLatencySeconds time from a client sending a request to the engine having it (in
 *                              TTFT, not in TPOT); 0 when a fitted handoff carries the path's
 *                              fixed latency
 */
public record DisaggregatedPlan(ServerSpec.Disaggregated server, int clients, String engine,
                                double requestLatencySeconds) {

    /**
     * This deployment with {@code handoff} and no request latency of its own: a handoff fitted on
     * disaggregated rows carries every fixed per-request latency of the path (the client's request
     * reaching the router as much as the decode side's taking it over; in a TTFT the two add up).
     */
    public DisaggregatedPlan withHandoff(HandoffSpec handoff) {
        return new DisaggregatedPlan(server.withHandoff(handoff), clients, engine, 0);
    }
}
