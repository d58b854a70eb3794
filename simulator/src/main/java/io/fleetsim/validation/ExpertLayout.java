package io.fleetsim.validation;

import io.fleetsim.spec.ServerSpec;

/**
 * How AIConfigurator's layout of a mixture-of-experts worker ({@code tp_size x attention_dp_size}
 * GPUs, experts split {@code moe_tp_size x moe_ep_size} over them) maps onto a fleetsim replica
 * of {@code tensor_parallel} GPUs with {@code expert_parallel} expert groups:
 * <ul>
 *   <li>{@code moe_ep_size} dividing {@code tp_size} ({@code attention_dp_size} 1): experts in
 *       {@code moe_ep_size} groups, each split by tensor parallelism over {@code tp / ep} GPUs,
 *       tokens dispatched and combined by all-to-all (the kernel model's {@code expert_parallel});</li>
 *   <li>attention data parallelism (DeepSeek-style wide EP, e.g. {@code tp 1 x dp 8}, experts over
 *       all 8 GPUs): <em>approximated</em> as attention tensor-parallel over the worker's
 *       {@code tp x dp} GPUs with the same expert split. The GEMM FLOPs and the KV cache (each rank
 *       keeps its own sequences' MLA latent) are those of the DP layout; the attention weights are
 *       read once per rank under DP but once per replica here, and the attention all-reduce
 *       stands for DP's gather of the ranks' tokens, so the approximation errs fast at small
 *       batches;</li>
 *   <li>any other split (experts over GPUs that are not the worker's) is not expressible.</li>
 * </ul>
 *
 * @param planned  the layout to plan the replica with: experts split by tensor parallelism, no DP
 * @param experts  the expert groups to put back once planned (1: experts split by TP)
 */
record ExpertLayout(Deployment.ParallelLayout planned, int experts) {

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
        return new ExpertLayout(new Deployment.ParallelLayout(gpus, layout.pp(), 1, gpus, 1), layout.moeEp());
    }

    /** Why {@code layout} has no mapping. */
    static String whyNot(Deployment.ParallelLayout layout) {
        return "expert parallelism over " + layout.moeEp() + " GPUs with attention tp " + layout.tp() + " x dp "
                + layout.attentionDp() + " not modelled";
    }

    /** {@code server} (planned with {@link #planned}) with its experts in {@link #experts} groups. */
    ServerSpec.Llm apply(ServerSpec.Llm server) {
        return experts == 1 ? server : new ServerSpec.Llm(server.memory(), server.maxModelLen(), server.batching(),
                server.performance(), server.engine(), experts, server.speculative());
    }
}
