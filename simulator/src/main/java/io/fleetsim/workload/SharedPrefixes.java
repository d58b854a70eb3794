package io.fleetsim.workload;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.ClientSpec;
import java.util.Arrays;

/**
 * A route's shared system prompts: each request carries one of them (chosen uniformly) with the
 * configured probability, as a chain of 16-token block hashes unique to the route and variant. A
 * prompt shorter than the system prompt shares only the blocks it covers.
 */
final class SharedPrefixes {

    private static final int BLOCK_TOKENS = 16;

    private final double share;
    private final PromptPrefix[] variants;
    private final RandomStream stream;

    SharedPrefixes(ClientSpec clients, int route, RandomStream stream) {
        this.share = clients.prefixTokens() > 0 ? clients.prefixShare() : 0;
        this.stream = stream;
        int blocks = clients.prefixTokens() / BLOCK_TOKENS;
        variants = new PromptPrefix[clients.prefixVariants()];
        for (int v = 0; v < variants.length; v++) {
            long[] hashes = new long[blocks];
            for (int b = 0; b < blocks; b++) {
                hashes[b] = (((long) route + 1) << 48) ^ ((long) v << 24) ^ b;
            }
            variants[v] = new PromptPrefix(hashes, BLOCK_TOKENS);
        }
    }

    /** The prefix of a prompt of {@code promptTokens} tokens. */
    PromptPrefix draw(int promptTokens) {
        if (share == 0 || stream.nextDouble() >= share) {
            return PromptPrefix.NONE;
        }
        PromptPrefix p = variants[variants.length == 1 ? 0 : stream.nextInt(variants.length)];
        int covered = Math.min(p.blockHashes().length, (promptTokens - 1) / BLOCK_TOKENS);
        return covered == p.blockHashes().length ? p
                : new PromptPrefix(Arrays.copyOf(p.blockHashes(), covered), BLOCK_TOKENS);
    }
}
