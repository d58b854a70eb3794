package io.fleetsim.serving;

/**
 * Block accounting of one replica's paged KV cache (vLLM's block manager, counted rather than
 * simulated block by block). Sequences being prefilled hold the blocks of their whole prompt from
 * admission on; a decoding sequence holding {@code h} tokens holds {@code ceil(h / blockTokens)}
 * blocks, and every decode iteration adds one token to each of them.
 *
 * <p>Because all decoding sequences grow together, a sequence's token count is a constant offset
 * plus the replica's iteration counter. Keeping the sum of offsets and a histogram of their
 * residues modulo the block size gives the exact number of blocks held at any future iteration in
 * O(1), so the iteration at which the cache overflows is found without visiting sequences.
 */
final class KvBlockLedger {

    private final int blockTokens;
    private final long capacityBlocks;
    private long prefillBlocks;
    private int decoding;
    private long sumOffsets;
    /**
     * {@code atLeast[k]}: decoding sequences whose residue is at least {@code k} (and 0 at
     * {@code k = blockTokens}), so the sequences that wrap past a block boundary are one read.
     */
    private final long[] atLeast;
    /** {@code blockTokens - 1} when it is a power of two (residues by masking), else -1. */
    private final int mask;
    private final int log2Block;
    /** Sum over decoding sequences of their residue. */
    private long sumResidues;
    /** The last {@link #usedBlocksAt} answer and its iteration, until the next change; hit by repeated room checks. */
    private long cachedIteration = Long.MIN_VALUE;
    private long cachedUsed;

    KvBlockLedger(long capacityTokens, int blockTokens) {
        this.blockTokens = blockTokens;
        this.capacityBlocks = capacityTokens / blockTokens;
        this.atLeast = new long[blockTokens + 1];
        this.mask = Integer.bitCount(blockTokens) == 1 ? blockTokens - 1 : -1;
        this.log2Block = Integer.numberOfTrailingZeros(blockTokens);
    }

    long capacityBlocks() {
        return capacityBlocks;
    }

    /** Blocks needed to hold {@code tokens} tokens. */
    long blocksFor(long tokens) {
        long numerator = tokens + blockTokens - 1;
        // a shift for a power-of-two block size: the same quotient when the numerator is not negative
        return mask >= 0 && numerator >= 0 ? numerator >> log2Block : numerator / blockTokens;
    }

    void allocatePrefill(long blocks) {
        prefillBlocks += blocks;
        cachedIteration = Long.MIN_VALUE;
    }

    void releasePrefill(long blocks) {
        prefillBlocks -= blocks;
        cachedIteration = Long.MIN_VALUE;
    }

    /** A sequence holding {@code tokens} tokens at iteration {@code iteration} starts decoding. */
    void addDecoding(long tokens, long iteration) {
        long offset = tokens - iteration;
        decoding++;
        sumOffsets += offset;
        int r = residue(offset);
        for (int k = 0; k <= r; k++) {
            atLeast[k]++;
        }
        sumResidues += r;
        cachedIteration = Long.MIN_VALUE;
    }

    /** The decoding sequence that held {@code tokens} at iteration {@code iteration} leaves. */
    void removeDecoding(long tokens, long iteration) {
        long offset = tokens - iteration;
        decoding--;
        sumOffsets -= offset;
        int r = residue(offset);
        for (int k = 0; k <= r; k++) {
            atLeast[k]--;
        }
        sumResidues -= r;
        cachedIteration = Long.MIN_VALUE;
    }

    /** Tokens held by decoding sequences at iteration {@code iteration}. */
    long decodingTokensAt(long iteration) {
        return sumOffsets + decoding * iteration;
    }

    /** Blocks held at iteration {@code iteration} by every sequence, prefilling and decoding. */
    long usedBlocksAt(long iteration) {
        if (iteration == cachedIteration) {
            return cachedUsed;
        }
        // sum over sequences of floor((offset + iteration + bt - 1) / bt), via residues: each
        // residue r moves to (r + shift) mod bt, i.e. r + shift less bt for those that wrap.
        long numerator = sumOffsets + decoding * (iteration + blockTokens - 1);
        int shift = modBlock(iteration);
        long wrapped = atLeast[blockTokens - shift];
        long remainders = sumResidues + (long) shift * decoding - wrapped * blockTokens;
        // numerator - remainders is a whole number of blocks: a shift divides it exactly.
        long blocks = mask >= 0 ? (numerator - remainders) >> log2Block : (numerator - remainders) / blockTokens;
        cachedUsed = prefillBlocks + blocks;
        cachedIteration = iteration;
        return cachedUsed;
    }

    /** Blocks free at iteration {@code iteration} (negative when over capacity). */
    long freeBlocksAt(long iteration) {
        return capacityBlocks - usedBlocksAt(iteration);
    }

    /**
     * The first iteration in {@code (from, from + max]} after which the cache would overflow, or
     * {@code from + max + 1} when it does not within that range.
     */
    long firstOverflow(long from, long max) {
        if (usedBlocksAt(from + max) <= capacityBlocks) {
            return from + max + 1;
        }
        long lo = from + 1;
        long hi = from + max + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (usedBlocksAt(mid) > capacityBlocks) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int residue(long offset) {
        return modBlock(offset + blockTokens - 1);
    }

    /** {@code floorMod(x, blockTokens)}, without a division when the block size is a power of two. */
    private int modBlock(long x) {
        return mask >= 0 ? (int) (x & mask) : (int) Math.floorMod(x, (long) blockTokens);
    }
}
