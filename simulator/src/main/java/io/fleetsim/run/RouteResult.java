package io.fleetsim.run;

import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.metrics.RouteSloCheck;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.metrics.TokenHistogram;

/**
 * One route's share of a run.
 *
 * @param name                 route name
 * @param requests             request outcomes
 * @param tokens               token counts
 * @param latency              latency distributions
 * @param prefixCacheHitRate   share of admitted prompt tokens served from prefix caches
 * @param preemptions          times one of its requests lost its KV cache
 * @param costUsd              attributed cost (see {@code RouteCostAttribution})
 * @param costPerUsefulMtokUsd attributed cost over its useful tokens, per million (NaN when none)
 * @param sloCheck             its SLO judged at the route's percentile
 * @param rejectedAnswers      answers within the SLO the product rejected on quality (kept, asked
 *                             again or escalated)
 * @param disconnected         requests whose client left mid-stream (among the cancelled)
 * @param receivedBeforeDisconnect output tokens those clients received before leaving
 */
public record RouteResult(String name, RequestCounts requests, TokenCounts tokens, Latencies latency,
                          double prefixCacheHitRate, long preemptions, double costUsd, double costPerUsefulMtokUsd,
                          RouteSloCheck sloCheck, long rejectedAnswers, long disconnected,
                          TokenHistogram.Summary receivedBeforeDisconnect) {
}
