package io.fleetsim.spec;

import java.util.Locale;

/**
 * When a continuous-batching scheduler admits a request, as far as its KV cache is concerned.
 */
public enum KvAdmission {
    /**
     * When its prompt fits: decoding sequences grow into the free blocks and, when the cache runs
     * out, the youngest is preempted and prefilled again later (vLLM; SGLang, which retracts
     * requests the same way).
     */
    ON_PROMPT,
    /**
     * When its prompt and its whole output fit beside what every running request may still
     * grow to: no request is ever preempted, more wait in the queue (TensorRT-LLM's default
     * capacity scheduler, {@code GUARANTEED_NO_EVICT}).
     */
    RESERVE_OUTPUT;

    /** The name a scenario writes, e.g. {@code reserve_output}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
