package io.fleetsim.spec;

import java.util.Map;

/**
 * How the product judges a route's completed answers: the share it accepts (per pool, since a pool
 * serves one model) and what the client does with a rejected one. A rejected answer is not useful;
 * its tokens are waste {@code rejected_quality}.
 *
 * @param acceptance       share of completed answers accepted when the pool has no entry of its own
 * @param acceptanceByPool share accepted by pool index, overriding {@code acceptance}
 * @param onReject         what the client does with a rejected answer
 * @param maxAsks          answers a client asks for in all, the first included, when it re-asks
 * @param escalateTo       pool index a rejected answer is asked again from (cascade), or -1
 */
public record QualitySpec(double acceptance, Map<Integer, Double> acceptanceByPool, OnReject onReject, int maxAsks,
                          int escalateTo) {

    /** What a client does after the product rejects an answer. */
    public enum OnReject {
        /** Nothing: the rejected answer is the outcome. */
        KEEP,
        /** Asks the same route again (a new attempt, routed as the first), up to {@code maxAsks} answers. */
        REASK,
        /** Asks the larger model of a cascade: the next attempt goes to {@code escalateTo}. */
        ESCALATE
    }

    /** Every answer accepted. */
    public static final QualitySpec ALL_ACCEPTED = new QualitySpec(1, Map.of(), OnReject.KEEP, 1, -1);

    public QualitySpec {
        acceptanceByPool = Map.copyOf(acceptanceByPool);
    }

    /** The share of answers from pool {@code pool} the product accepts. */
    public double acceptance(int pool) {
        return acceptanceByPool.getOrDefault(pool, acceptance);
    }

    /** True when some answer can be rejected. */
    public boolean judges() {
        return acceptance < 1 || acceptanceByPool.values().stream().anyMatch(a -> a < 1);
    }
}
