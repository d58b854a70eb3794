package io.fleetsim.scenario;

/**
 * Per-iteration limits of a continuous-batching scheduler (vLLM's names) and its admission policy.
 *
 * @param maxNumSeqs       most sequences in the running batch
 * @param maxBatchedTokens most tokens (prefill chunk plus one per decoding sequence) per iteration;
 *                         longer prompts are prefilled in chunks
 * @param kvAdmission      when a request's KV lets it in
 */
public record BatchingSpec(int maxNumSeqs, int maxBatchedTokens, KvAdmission kvAdmission) {

    /** Limits of a scheduler that admits on the prompt (vLLM's). */
    public BatchingSpec(int maxNumSeqs, int maxBatchedTokens) {
        this(maxNumSeqs, maxBatchedTokens, KvAdmission.ON_PROMPT);
    }
}
