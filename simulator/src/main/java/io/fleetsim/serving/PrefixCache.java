package io.fleetsim.serving;

import io.fleetsim.workload.PromptPrefix;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A replica's cache of prompt-prefix blocks, least recently used first out. Cached blocks live in
 * the KV memory no running sequence holds: whenever that free space shrinks, the oldest blocks go.
 * (Blocks shared by running sequences are not deduplicated in the memory count, which errs on the
 * side of less memory.)
 */
final class PrefixCache {

    private final LinkedHashMap<Long, Integer> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedTokens;

    /**
     * Tokens of {@code prefix} already cached (the longest cached chain of its blocks), at most
     * {@code limit}; the matched blocks become most recently used.
     */
    int lookup(PromptPrefix prefix, int limit) {
        long matched = 0;
        for (long hash : prefix.blockHashes()) {
            Integer tokens = blocks.get(hash);
            if (tokens == null || matched + tokens > limit) {
                break;
            }
            matched += tokens;
        }
        return (int) matched;
    }

    /** Like {@link #lookup} but leaves the recency order alone (to compare replicas before choosing). */
    int peek(PromptPrefix prefix) {
        long matched = 0;
        for (long hash : prefix.blockHashes()) {
            Integer tokens = blocks.containsKey(hash) ? prefix.blockTokens() : null;
            if (tokens == null) {
                break;
            }
            matched += tokens;
        }
        return (int) matched;
    }

    /** Caches every block of {@code prefix} (they were just computed). */
    void insert(PromptPrefix prefix) {
        for (long hash : prefix.blockHashes()) {
            if (blocks.putIfAbsent(hash, prefix.blockTokens()) == null) {
                cachedTokens += prefix.blockTokens();
            } else {
                blocks.get(hash);
            }
        }
    }

    /** Evicts least recently used blocks until at most {@code maxTokens} are cached. */
    void shrinkTo(long maxTokens) {
        if (cachedTokens <= maxTokens) {
            // The common case, every step: no iterator to make.
            return;
        }
        Iterator<Map.Entry<Long, Integer>> it = blocks.entrySet().iterator();
        while (cachedTokens > maxTokens && it.hasNext()) {
            cachedTokens -= it.next().getValue();
            it.remove();
        }
    }

    long cachedTokens() {
        return cachedTokens;
    }
}
