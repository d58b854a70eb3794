package io.fleetsim.spec;

/**
 * Per-iteration limits of a continuous-batching scheduler (vLLM's names) and its policies.
 *
 * @param maxNumSeqs            most sequences in the running batch
 * @param maxBatchedTokens      most tokens (prefill chunk plus one per decoding sequence) per
 *                              iteration; longer prompts are prefilled in chunks
 * @param kvAdmission           when a request's KV lets it in
 * @param prefill               whether prefill iterations also decode
 * @param dpBalanceIterations   with attention data-parallel ranks, how many iterations new prompts
 *                              may wait for every rank to have one, so that the ranks prefill in
 *                              the same iterations (TensorRT-LLM's {@code attention_dp_config}
 *                              {@code enable_balance}, {@code timeout_iters}); 0: a prompt starts
 *                              as soon as it can
 */
public record BatchingSpec(int maxNumSeqs, int maxBatchedTokens, KvAdmission kvAdmission, PrefillBatching prefill,
                           int dpBalanceIterations) {

    /** Without attention-DP balancing. */
    public BatchingSpec(int maxNumSeqs, int maxBatchedTokens, KvAdmission kvAdmission, PrefillBatching prefill) {
        this(maxNumSeqs, maxBatchedTokens, kvAdmission, prefill, 0);
    }

    /** Limits of vLLM's scheduler: admission on the prompt, prefill mixed with decode. */
    public BatchingSpec(int maxNumSeqs, int maxBatchedTokens) {
        this(maxNumSeqs, maxBatchedTokens, KvAdmission.ON_PROMPT, PrefillBatching.MIXED);
    }

    /** These limits and policies with attention-DP balancing of {@code iterations} (0: off). */
    public BatchingSpec withDpBalance(int iterations) {
        return new BatchingSpec(maxNumSeqs, maxBatchedTokens, kvAdmission, prefill, iterations);
    }
}
