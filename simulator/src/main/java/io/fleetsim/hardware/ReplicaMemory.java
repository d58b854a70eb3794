package io.fleetsim.hardware;

/**
 * How the memory of one replica (a model on {@code tensorParallel} GPUs) divides between weights,
 * a fixed activation reserve and the KV cache, as vLLM sizes it: the usable share of device memory
 * minus weights and activations is the KV cache.
 *
 * <p>With attention data parallelism ({@code attentionDataParallel} ranks of
 * {@code tensorParallel / attentionDataParallel} GPUs each, DeepSeek-style wide expert
 * parallelism) every rank holds its own copy of the weights that are not routed experts
 * (attention, shared experts, dense layers, embedding and LM head) and its own sequences' KV
 * cache; the routed experts are stored once, spread over all the replica's GPUs. The replica's KV
 * cache is then the sum of its ranks' ({@code attentionDataParallel} times a rank's).
 *
 * <p>Tensor parallelism splits the KV cache by heads, so a token's KV is stored once per rank only
 * while every GPU of the rank has heads of its own: MLA's latent is shared by all heads and every
 * GPU of a rank keeps all of it, and KV heads fewer than the rank's GPUs are each kept on
 * {@code tp / kv_heads} of them ({@link #kvCopies}). This is why engines run DeepSeek's attention
 * data-parallel at large batches.
 *
 * @param gpu                   the accelerator
 * @param model                 the model
 * @param tensorParallel        GPUs per replica (all ranks together)
 * @param precision             weight precision
 * @param memoryUtilization     share of device memory the server may use (vLLM's
 *                              {@code gpu_memory_utilization})
 * @param kvCache               KV cache format
 * @param attentionDataParallel attention data-parallel ranks (1: none), dividing {@code tensorParallel}
 */
public record ReplicaMemory(Gpu gpu, LlmModel model, int tensorParallel, Precision precision,
                            double memoryUtilization, KvCacheDtype kvCache, int attentionDataParallel) {

    /** Checks that the ranks divide the GPUs. */
    public ReplicaMemory {
        if (attentionDataParallel < 1 || tensorParallel % attentionDataParallel != 0) {
            throw new IllegalArgumentException("attention data-parallel ranks (" + attentionDataParallel
                    + ") must divide the replica's " + tensorParallel + " GPUs");
        }
    }

    /** A replica without attention data parallelism. */
    public ReplicaMemory(Gpu gpu, LlmModel model, int tensorParallel, Precision precision, double memoryUtilization,
                         KvCacheDtype kvCache) {
        this(gpu, model, tensorParallel, precision, memoryUtilization, kvCache, 1);
    }

    /** A replica whose KV cache has the format usual for its weights ({@link KvCacheDtype#defaultFor}). */
    public ReplicaMemory(Gpu gpu, LlmModel model, int tensorParallel, Precision precision, double memoryUtilization) {
        this(gpu, model, tensorParallel, precision, memoryUtilization, KvCacheDtype.defaultFor(precision));
    }

    /** GPUs of one attention rank: its attention (and dense layers) run tensor-parallel over them. */
    public int attentionTensorParallel() {
        return tensorParallel / attentionDataParallel;
    }

    /**
     * Weight bytes the replica holds: the model's once, plus a copy of everything but the routed
     * experts for every attention rank beyond the first.
     */
    public double weightBytes() {
        double all = model.weightBytes(precision);
        if (attentionDataParallel == 1) {
            return all;
        }
        double routed = model.routedExpertParams() * precision.weightBytesPerValue();
        return all + (attentionDataParallel - 1) * Math.max(0, all - routed);
    }

    /**
     * Weight bytes of the model's multi-token-prediction module on this replica: its routed
     * experts once, the rest (attention, shared experts, router, {@code eh_proj}) on every
     * attention rank, as {@link #weightBytes} holds the model's.
     */
    public double mtpWeightBytes() {
        double all = model.mtpModuleParams() * precision.weightBytesPerValue();
        double routed = model.mtpModuleRoutedExpertParams() * precision.weightBytesPerValue();
        return all + (attentionDataParallel - 1) * (all - routed);
    }

    /** Bytes per KV cache value. */
    public double kvBytesPerValue() {
        return kvCache.bytesPerValue();
    }

    /** Bytes of KV cache per token across all layers. */
    public double kvBytesPerToken() {
        return model.kvBytesPerToken(kvCache.bytesPerValue());
    }

    /** Activation and workspace memory kept free per GPU (CUDA graphs, sampler, buffers). */
    public static final double ACTIVATION_RESERVE_BYTES_PER_GPU = 2e9;

    /** Device memory the server may use across the replica's GPUs. */
    public double usableBytes() {
        return gpu.memoryBytes() * tensorParallel * memoryUtilization;
    }

    /** Bytes left for the KV cache; negative when the weights do not fit. */
    public double kvCacheBytes() {
        return usableBytes() - weightBytes() - ACTIVATION_RESERVE_BYTES_PER_GPU * tensorParallel;
    }

    /** How many tokens' KV fit in the cache (0 when none). */
    public long kvCacheTokens() {
        return Math.max(0, (long) Math.floor(kvCacheBytes() / storedKvBytesPerToken()));
    }

    /**
     * GPUs of an attention rank that each keep a copy of a token's KV of {@code m}: all of them for
     * MLA (one latent for every head), {@code tp / kv_heads} when the rank has more GPUs than KV
     * heads, else 1.
     */
    public int kvCopies(LlmModel m) {
        int tp = attentionTensorParallel();
        if (m.mla() != null) {
            return tp;
        }
        return Math.max(1, tp / Math.max(1, m.kvHeads()));
    }

    /** Device bytes one token's KV takes across the replica, every copy counted ({@link #kvCopies}). */
    public double storedKvBytesPerToken() {
        return kvBytesPerToken() * kvCopies(model);
    }

    /**
     * Why this replica cannot serve the model, or {@code null} when it can: the weights and the KV
     * cache of one sequence at {@code minContextTokens} must fit.
     */
    public String whyNotFit(int minContextTokens) {
        double needed = weightBytes() + ACTIVATION_RESERVE_BYTES_PER_GPU * tensorParallel
                + storedKvBytesPerToken() * minContextTokens;
        if (needed <= usableBytes()) {
            return null;
        }
        return String.format(java.util.Locale.ROOT,
                "%s at %s does not fit on %d x %s: needs %.1f GB (weights %.1f GB + activations %.1f GB + KV for "
                        + "%d tokens %.1f GB) but %.1f GB is usable (%.0f%% of %.1f GB); use more tensor_parallel, "
                        + "a larger GPU or fp8",
                model.name(), precision.id(), tensorParallel, gpu.name(), needed / 1e9,
                weightBytes() / 1e9, ACTIVATION_RESERVE_BYTES_PER_GPU * tensorParallel / 1e9,
                minContextTokens, storedKvBytesPerToken() * minContextTokens / 1e9, usableBytes() / 1e9,
                memoryUtilization * 100, gpu.memoryBytes() * tensorParallel / 1e9);
    }
}
