package io.fleetsim.spec;

import java.util.List;

/**
 * A product feature (chat, summarize...) with its own request shape, SLO and pools.
 *
 * @param name    route name
 * @param share   fraction of arrivals that belong to this route (shares sum to 1)
 * @param lengths how its prompt and output lengths are drawn
 * @param slo     latency targets
 * @param routing which pools serve it, in order of preference
 * @param clients  how its clients behave (patience, retries, shared prefix)
 * @param priority higher goes first in a pool's shared queue (0 by default; equal priorities in
 *                 arrival order)
 * @param quality  how the product judges its answers (all accepted by default)
 * @param split    which of its requests are easy and go to a smaller model's pool, or null
 */
public record RouteSpec(String name, double share, RequestShapeSpec lengths, SloSpec slo, Routing routing,
                        ClientSpec clients, int priority, QualitySpec quality, ClassSplit split) {

    /** A route with no split by request class. */
    public RouteSpec(String name, double share, RequestShapeSpec lengths, SloSpec slo, Routing routing,
                     ClientSpec clients, int priority, QualitySpec quality) {
        this(name, share, lengths, slo, routing, clients, priority, quality, null);
    }

    /** A route whose every answer is accepted. */
    public RouteSpec(String name, double share, RequestShapeSpec lengths, SloSpec slo, Routing routing,
                     ClientSpec clients, int priority) {
        this(name, share, lengths, slo, routing, clients, priority, QualitySpec.ALL_ACCEPTED);
    }

    /** A route of patient clients at the default priority. */
    public RouteSpec(String name, double share, RequestShapeSpec lengths, SloSpec slo, Routing routing) {
        this(name, share, lengths, slo, routing, ClientSpec.DEFAULT, 0);
    }

    /** A route of patient clients at the default priority, served by one pool only. */
    public RouteSpec(String name, double share, RequestShapeSpec lengths, SloSpec slo, int poolIndex) {
        this(name, share, lengths, slo, Routing.only(poolIndex), ClientSpec.DEFAULT, 0);
    }

    /** Index into {@link ScenarioSpec#pools()} of the route's first (preferred) pool. */
    public int poolIndex() {
        return routing.pools().get(0);
    }

    /** The prompt length distribution (for dataset pairs, the prompt column on its own). */
    public LengthSpec promptTokens() {
        return lengths.promptTokens();
    }

    /** The output length distribution (for dataset pairs, the output column on its own). */
    public LengthSpec outputTokens() {
        return lengths.outputTokens();
    }

    /**
     * Pools a route's requests go to: the first unless it is saturated, then the next, and so on
     * (ordered overflow; a single pool pins the route to it).
     *
     * @param pools            pool indices in order of preference
     * @param spillQueueDepth  a pool with this many queued requests is saturated
     * @param spillWaitSeconds a pool whose predicted queueing delay exceeds this is saturated
     * @param spillInFlight    a pool with this many requests queued or in service per serving
     *                         replica is saturated
     * @param spillTokenGapSeconds a pool where a joining request would see a longer gap between
     *                         output tokens than this is saturated
     */
    public record Routing(List<Integer> pools, int spillQueueDepth, double spillWaitSeconds, double spillInFlight,
                          double spillTokenGapSeconds) {

        public Routing {
            pools = List.copyOf(pools);
        }

        /** Pinned to one pool. */
        public static Routing only(int pool) {
            return new Routing(List.of(pool), Integer.MAX_VALUE, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }
    }
}
