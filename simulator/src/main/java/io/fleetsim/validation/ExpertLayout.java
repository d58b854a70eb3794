package io.fleetsim.validation;

import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.EngineDefaults;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.ServerSpec;

/**
 * How AIConfigurator's layout of a mixture-of-experts worker ({@code tp_size x attention_dp_size}
 * GPUs, experts split {@code moe_tp_size x moe_ep_size} over them) maps onto a fleetsim replica
 * of {@code tensor_parallel} GPUs with {@code expert_parallel} expert groups and
 * {@code attention_data_parallel} ranks:
 * <ul>
 *   <li>{@code moe_ep_size} dividing {@code tp_size} ({@code attention_dp_size} 1): experts in
 *       {@code moe_ep_size} groups, each split by tensor parallelism over {@code tp / ep} GPUs,
 *       tokens dispatched and combined by all-to-all (the kernel model's {@code expert_parallel});</li>
 *   <li>attention data parallelism (DeepSeek-style wide EP, e.g. {@code tp 1 x dp 8}, experts over
 *       all 8 GPUs) exactly: a replica of {@code tp x dp} GPUs in {@code dp} attention ranks of
 *       attention tp {@code tp}, each with its own sequences, its own copy of the attention and
 *       dense weights and its own KV cache, the routed experts split {@code moe_tp x moe_ep} over
 *       all the GPUs ({@link io.fleetsim.hardware.ReplicaMemory}, and the step time of
 *       {@code serving.KernelStepTime}); its token budget per iteration is the ranks' together
 *       ({@code dp} times {@link DeploymentPlanner#MAX_BATCHED_TOKENS});</li>
 *   <li>any other split (experts over GPUs that are not the worker's) is not expressible.</li>
 * </ul>
 * The replica is planned (step-time parameters, engine defaults) as one of {@code tp x dp} GPUs.
 *
 * @param planned  the layout to plan the replica with: all its GPUs, experts split by TP, no DP
 * @param experts  the expert groups to put back once planned (1: experts split by TP)
 * @param ranks    the attention data-parallel ranks to put back once planned (1: none)
 */
record ExpertLayout(Deployment.ParallelLayout planned, int experts, int ranks) {

    /** The mapping of {@code layout}, or null when it cannot be expressed ({@link #whyNot}). */
    static ExpertLayout of(Deployment.ParallelLayout layout) {
        int gpus = layout.tp() * layout.attentionDp();
        boolean dp = layout.attentionDp() > 1;
        if (dp && layout.moeTp() * layout.moeEp() != gpus) {
            return null;
        }
        if (gpus % layout.moeEp() != 0) {
            return null;
        }
        return new ExpertLayout(new Deployment.ParallelLayout(gpus, layout.pp(), 1, gpus, 1), layout.moeEp(),
                layout.attentionDp());
    }

    /** Why {@code layout} has no mapping. */
    static String whyNot(Deployment.ParallelLayout layout) {
        return "expert parallelism over " + layout.moeEp() + " GPUs with attention tp " + layout.tp() + " x dp "
                + layout.attentionDp() + " not modelled";
    }

    /**
     * The benchmark recipes' attention-DP balancing for TensorRT-LLM (InferenceX and AIConfigurator
     * launch scripts write {@code attention_dp_config: {enable_balance: true, batching_wait_iters: 0,
     * timeout_iters: 60}} whenever attention DP is on; the rows do not state it).
     */
    static final int TRTLLM_RECIPE_DP_BALANCE_ITERATIONS = 60;

    /**
     * {@code server} (planned with {@link #planned} by {@code engine}'s defaults) with its experts
     * in {@link #experts} groups and its GPUs in {@link #ranks} attention ranks, each holding its
     * own weights but the routed experts, its own KV cache and its own token budget.
     */
    ServerSpec.Llm apply(ServerSpec.Llm server, String engine) {
        if (experts == 1 && ranks == 1) {
            return server;
        }
        ReplicaMemory memory = server.memory();
        BatchingSpec batching = server.batching();
        if (ranks > 1) {
            memory = EngineDefaults.memory(engine, memory.gpu(), memory.model(), memory.tensorParallel(),
                    memory.precision(), memory.kvCache(), ranks);
            batching = new BatchingSpec(batching.maxNumSeqs(),
                    Math.max(batching.maxBatchedTokens(), ranks * DeploymentPlanner.MAX_BATCHED_TOKENS),
                    batching.kvAdmission(), batching.prefill(),
                    "trtllm".equals(engine) ? TRTLLM_RECIPE_DP_BALANCE_ITERATIONS : 0);
        }
        return new ServerSpec.Llm(memory, server.maxModelLen(), batching, server.performance(), server.engine(),
                experts, server.speculative());
    }
}
