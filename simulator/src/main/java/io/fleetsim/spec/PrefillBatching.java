package io.fleetsim.spec;

import java.util.Locale;

/**
 * Whether an iteration that prefills prompts also advances the decoding sequences.
 */
public enum PrefillBatching {
    /**
     * Prompt chunks ride in the same iteration as one token of every decoding sequence, within
     * the token budget (vLLM's chunked prefill, TensorRT-LLM's in-flight batching).
     */
    MIXED,
    /**
     * An iteration either prefills (up to the token budget, prompts first when any wait) or
     * decodes, never both (SGLang's default scheduler, without {@code --enable-mixed-chunk}):
     * decoding pauses while prompts are prefilled.
     */
    SEPARATE;

    /** The name a scenario writes, e.g. {@code separate}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
