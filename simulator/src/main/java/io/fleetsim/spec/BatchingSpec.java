package io.fleetsim.spec;

/**
 * Per-iteration limits of a continuous-batching scheduler (vLLM's names) and its policies.
 *
 * @param maxNumSeqs       most sequences in the running batch
 * @param maxBatchedTokens most tokens (prefill chunk plus one per decoding sequence) per iteration;
 *                         longer prompts are prefilled in chunks
 * @param kvAdmission      when a request's KV lets it in
 * @param prefill          whether prefill iterations also decode
 */
public record BatchingSpec(int maxNumSeqs, int maxBatchedTokens, KvAdmission kvAdmission, PrefillBatching prefill) {

    /** Limits of vLLM's scheduler: admission on the prompt, prefill mixed with decode. */
    public BatchingSpec(int maxNumSeqs, int maxBatchedTokens) {
        this(maxNumSeqs, maxBatchedTokens, KvAdmission.ON_PROMPT, PrefillBatching.MIXED);
    }
}
