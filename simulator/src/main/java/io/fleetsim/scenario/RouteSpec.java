package io.fleetsim.scenario;

/**
 * A product feature (chat, summarize...) with its own request shape and SLO.
 *
 * @param name         route name
 * @param share        fraction of arrivals that belong to this route (shares sum to 1)
 * @param lengths      how its prompt and output lengths are drawn
 * @param slo          latency targets
 * @param poolIndex    index into {@link ScenarioSpec#pools()} of the pool that serves it
 */
public record RouteSpec(String name, double share, RequestShapeSpec lengths, SloSpec slo, int poolIndex) {

    /** The prompt length distribution (for dataset pairs, the prompt column on its own). */
    public LengthSpec promptTokens() {
        return lengths.promptTokens();
    }

    /** The output length distribution (for dataset pairs, the output column on its own). */
    public LengthSpec outputTokens() {
        return lengths.outputTokens();
    }
}
