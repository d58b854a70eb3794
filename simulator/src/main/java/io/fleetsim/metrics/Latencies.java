package io.fleetsim.metrics;


/**
 * The latency distributions reports show, over completed requests.
 *
 * @param ttft  arrival to first output token
 * @param tpot  mean gap between output tokens after the first (requests with more than one token)
 * @param e2e   arrival to last output token
 * @param queue arrival to admission by a replica
 */
public record Latencies(LatencySummary ttft, LatencySummary tpot, LatencySummary e2e, LatencySummary queue) {
}
