package io.fleetsim.scenario;

/**
 * Per-iteration limits of a continuous-batching scheduler (vLLM's names).
 *
 * @param maxNumSeqs       most sequences in the running batch
 * @param maxBatchedTokens most tokens (prefill chunk plus one per decoding sequence) per iteration;
 *                         longer prompts are prefilled in chunks
 */
public record BatchingSpec(int maxNumSeqs, int maxBatchedTokens) {
}
