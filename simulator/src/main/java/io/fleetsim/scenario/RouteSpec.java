package io.fleetsim.scenario;

/**
 * A product feature (chat, summarize...) with its own request shape and SLO.
 *
 * @param name         route name
 * @param share        fraction of arrivals that belong to this route (shares sum to 1)
 * @param promptTokens prompt length distribution
 * @param outputTokens output length distribution
 * @param slo          latency targets
 * @param poolIndex    index into {@link ScenarioSpec#pools()} of the pool that serves it
 */
public record RouteSpec(String name, double share, LengthSpec promptTokens, LengthSpec outputTokens, SloSpec slo,
                        int poolIndex) {
}
