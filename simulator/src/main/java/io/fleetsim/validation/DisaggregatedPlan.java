package io.fleetsim.validation;

import io.fleetsim.scenario.ServerSpec;

/**
 * The simulated counterpart of a measured disaggregated deployment: one xPyD deployment behind a
 * benchmark client keeping {@code clients} requests in flight.
 *
 * @param server                the deployment: its prefill and decode workers and the KV link
 * @param clients               the client concurrency
 * @param engine                the serving engine the row names
 * @param requestLatencySeconds time from a client sending a request to the engine having it (in
 *                              TTFT, not in TPOT)
 */
public record DisaggregatedPlan(ServerSpec.Disaggregated server, int clients, String engine,
                                double requestLatencySeconds) {
}
