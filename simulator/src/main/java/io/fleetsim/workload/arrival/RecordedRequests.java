package io.fleetsim.workload.arrival;

import io.fleetsim.trace.Trace;
import io.fleetsim.workload.PromptPrefix;
import io.fleetsim.workload.RequestShape;

/**
 * What a replayed trace row says about its request: its lengths and, for Mooncake traces, its
 * prefix blocks. Blocks of different copies of the trace (superposed copies, loop cycles) are
 * kept apart, as they stand for different users: the copy number goes in the high 32 bits of each
 * block hash, so at scale 1 the hashes are the recorded ids.
 */
public final class RecordedRequests {

    /** Tokens per Mooncake prefix block. */
    public static final int MOONCAKE_BLOCK_TOKENS = 512;

    private final Trace trace;

    /** The requests of {@code trace}. */
    public RecordedRequests(Trace trace) {
        this.trace = trace;
    }

    /** Lengths of row {@code row}; a recorded 0 becomes 1, as every request has a token in and out. */
    public RequestShape shape(int row) {
        return new RequestShape(Math.max(1, trace.promptTokens(row)), Math.max(1, trace.outputTokens(row)));
    }

    /** Prefix blocks of row {@code row} replayed in copy {@code copy}. */
    public PromptPrefix prefix(int row, int copy) {
        int n = trace.prefixBlockCount(row);
        if (n == 0) {
            return PromptPrefix.NONE;
        }
        long[] hashes = new long[n];
        for (int j = 0; j < n; j++) {
            hashes[j] = ((long) copy << 32) | (trace.prefixBlock(row, j) & 0xFFFF_FFFFL);
        }
        return new PromptPrefix(hashes, MOONCAKE_BLOCK_TOKENS);
    }
}
