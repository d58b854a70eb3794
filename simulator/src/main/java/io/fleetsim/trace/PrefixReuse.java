package io.fleetsim.trace;

import java.util.HashSet;
import java.util.Set;

/**
 * How much of a trace's prompts could come from a prefix cache: prefix blocks whose id appeared
 * earlier in the trace, an upper bound on cache hits with an unbounded cache.
 *
 * @param blocks   prefix blocks over all requests
 * @param repeated blocks whose id was seen in an earlier request
 */
public record PrefixReuse(long blocks, long repeated) {

    /** The reuse of {@code trace}'s prefix blocks, in arrival order. */
    public static PrefixReuse of(Trace trace) {
        Set<Integer> seen = new HashSet<>();
        long blocks = 0;
        long repeated = 0;
        for (int i = 0; i < trace.size(); i++) {
            int n = trace.prefixBlockCount(i);
            Set<Integer> own = new HashSet<>();
            for (int j = 0; j < n; j++) {
                int id = trace.prefixBlock(i, j);
                blocks++;
                if (seen.contains(id)) {
                    repeated++;
                }
                own.add(id);
            }
            seen.addAll(own);
        }
        return new PrefixReuse(blocks, repeated);
    }

    /** Share of blocks seen before (0 without blocks). */
    public double share() {
        return blocks == 0 ? 0 : (double) repeated / blocks;
    }
}
