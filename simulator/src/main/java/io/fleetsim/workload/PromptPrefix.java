package io.fleetsim.workload;

import java.util.Arrays;

/**
 * The shareable beginning of a prompt (system prompt, earlier turns of a conversation), as a
 * chain of block hashes: two requests share the first {@code k} blocks exactly when their first
 * {@code k} hashes are equal, as with Mooncake's {@code hash_ids} or vLLM's block hashes.
 *
 * @param blockHashes hash of each block, in prompt order
 * @param blockTokens tokens per block
 */
public record PromptPrefix(long[] blockHashes, int blockTokens) {

    /** A prompt with nothing shareable. */
    public static final PromptPrefix NONE = new PromptPrefix(new long[0], 1);

    /** Tokens covered by the chain. */
    public long tokens() {
        return (long) blockHashes.length * blockTokens;
    }

    /** True when there is nothing to share. */
    public boolean isEmpty() {
        return blockHashes.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptPrefix p && p.blockTokens == blockTokens && Arrays.equals(p.blockHashes, blockHashes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(blockHashes) + blockTokens;
    }

    @Override
    public String toString() {
        return "PromptPrefix[" + blockHashes.length + " blocks of " + blockTokens + "]";
    }
}
