package io.fleetsim.fleet;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.BalancingPolicy;
import io.fleetsim.workload.Request;
import java.util.List;

/**
 * Picks the replica a request is assigned to on arrival, by the pool's balancing policy:
 * round-robin, fewest outstanding tokens (queued and in service), the less loaded of two drawn at
 * random, or the longest cached prefix of the prompt (ties by outstanding tokens).
 */
final class ReplicaChooser {

    private final BalancingPolicy policy;
    private final RandomStream draws;
    private int nextTurn;

    ReplicaChooser(BalancingPolicy policy, RandomStream draws) {
        this.policy = policy;
        this.draws = draws;
    }

    /**
     * One of {@code serving} (not empty, in launch order) for {@code request}; {@code byOutstanding}
     * holds the same replicas by outstanding tokens for the policies that balance on them.
     */
    Replica choose(List<Replica> serving, LeastLoaded byOutstanding, Request request) {
        return switch (policy) {
            case ROUND_ROBIN -> serving.get(nextTurn++ % serving.size());
            case POWER_OF_TWO -> lessLoaded(serving.get(draws.nextInt(serving.size())),
                    serving.get(draws.nextInt(serving.size())));
            // Without a prefix no replica has a hit: the tie-break alone decides.
            case PREFIX_AWARE -> request.prefix().isEmpty() ? byOutstanding.peek()
                    : longestCachedPrefix(serving, request);
            default -> byOutstanding.peek();
        };
    }

    private static Replica lessLoaded(Replica a, Replica b) {
        return outstanding(b) < outstanding(a) ? b : a;
    }

    /** Prompt plus output tokens queued for and in service on {@code r}. */
    static long outstanding(Replica r) {
        return r.server.outstandingTokens() + r.local.tokens();
    }

    private static Replica longestCachedPrefix(List<Replica> serving, Request request) {
        Replica best = serving.get(0);
        int bestHit = -1;
        for (Replica r : serving) {
            int hit = r.server.cachedPrefixTokens(request.prefix());
            if (hit > bestHit || (hit == bestHit && outstanding(r) < outstanding(best))) {
                best = r;
                bestHit = hit;
            }
        }
        return best;
    }
}
