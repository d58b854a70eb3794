package io.fleetsim.calibration;

/**
 * What was run in one measurement: a batch of equal prompts prefilled together in one iteration,
 * then decoded together until each has its output.
 *
 * @param model          catalog name of the model
 * @param tensorParallel GPUs of the replica
 * @param batchSize      prompts in the batch
 * @param promptTokens   tokens of each prompt
 * @param outputTokens   tokens generated per prompt, the first one by the prefill (at least 2, so
 *                       that there is a decode iteration to time)
 */
public record Configuration(String model, int tensorParallel, int batchSize, int promptTokens, int outputTokens) {
}
