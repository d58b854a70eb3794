package io.fleetsim.validation;

import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.spec.ServerSpec;

/**
 * The worker counts of a disaggregated row that does not state them: the xPyD a planner would
 * size for its clients from the workers' own step times, never from the measured latencies.
 * <ul>
 *   <li>decode: the fewest workers whose KV caches hold every client's whole context
 *       (prompt and output) at once, so no client waits for decode room;</li>
 *   <li>prefill: the fewest workers that keep up with what those decode workers complete, all
 *       clients decoding ({@code clients x tokens per step / (osl x decode iteration)} requests a
 *       second, the KV cache half way through the outputs), each prefill worker running full token
 *       budgets.</li>
 * </ul>
 * A count the row states is kept. Reading an unstated count as one worker, as before, left a
 * single prefill worker behind thousands of clients and the predicted TTFT up to 90 times the
 * measured one.
 *
 * @param prefillWorkers prefill workers
 * @param decodeWorkers  decode workers
 */
public record WorkerSizing(int prefillWorkers, int decodeWorkers) {

    /** Workers no deployment of the sample exceeds per side (72-GPU racks of one-GPU workers). */
    static final int MAX_WORKERS = 72;

    /**
     * The counts for {@code clients} clients sending prompts of {@code promptTokens} tokens for
     * {@code outputTokens} tokens each, keeping {@code statedPrefill} / {@code statedDecode} where
     * they are positive.
     */
    public static WorkerSizing of(ServerSpec.Llm prefill, ServerSpec.Llm decode, int clients, int promptTokens,
                                  int outputTokens, int statedPrefill, int statedDecode) {
        int d = statedDecode > 0 ? statedDecode : decodeWorkersHolding(decode, clients, promptTokens + outputTokens);
        int p = statedPrefill > 0 ? statedPrefill
                : prefillWorkersFeeding(prefill, decode, d, clients, promptTokens, outputTokens);
        return new WorkerSizing(p, d);
    }

    private static int decodeWorkersHolding(ServerSpec.Llm decode, int clients, int contextTokens) {
        double needed = (double) clients * contextTokens;
        return clamp(Math.ceil(needed / Math.max(1, decode.kvCacheTokens())));
    }

    private static int prefillWorkersFeeding(ServerSpec.Llm prefill, ServerSpec.Llm decode, int decodeWorkers,
                                             int clients, int promptTokens, int outputTokens) {
        if (outputTokens <= 1) {
            return 1;
        }
        StepTimeModel decodeTimes = StepTimeModels.of(decode);
        int batch = Math.max(1, (clients + decodeWorkers - 1) / decodeWorkers);
        double kv = batch * (promptTokens + outputTokens / 2.0);
        // a speculating worker advances each sequence by its expected accepted tokens per step
        double completions = clients * decode.tokensPerStep() / (outputTokens
                * decodeTimes.iterationSeconds(0, batch, kv));
        int prompts = Math.max(1, prefill.batching().maxBatchedTokens() / promptTokens);
        double perWorker = prompts / StepTimeModels.of(prefill).iterationSeconds(prompts * promptTokens,
                prompts * StepTimeModel.prefillContext(0, promptTokens), 0, 0);
        return clamp(Math.ceil(completions / perWorker));
    }

    private static int clamp(double workers) {
        return (int) Math.max(1, Math.min(MAX_WORKERS, workers));
    }
}
