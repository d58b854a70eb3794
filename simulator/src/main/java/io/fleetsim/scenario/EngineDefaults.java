package io.fleetsim.scenario;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.spec.KvAdmission;
import io.fleetsim.spec.PrefillBatching;

/**
 * What an engine does when a pool does not say: how it admits requests into its KV cache, how it
 * sizes that cache and whether it prefills and decodes in one iteration. TensorRT-LLM differs from
 * vLLM and SGLang in the first two (its documented defaults: capacity scheduler
 * {@code GUARANTEED_NO_EVICT}, KV cache {@code free_gpu_memory_fraction} 0.9 of the memory left
 * after the weights), SGLang in the third (prefill and decode batches apart unless
 * {@code --enable-mixed-chunk}).
 */
public final class EngineDefaults {

    /** vLLM's {@code gpu_memory_utilization} and SGLang's usual {@code mem_fraction_static}. */
    public static final double MEMORY_UTILIZATION = 0.9;
    /** TensorRT-LLM's {@code free_gpu_memory_fraction}. */
    public static final double FREE_MEMORY_FRACTION = 0.9;

    private EngineDefaults() {
    }

    /** {@link KvAdmission#RESERVE_OUTPUT} for TensorRT-LLM, {@link KvAdmission#ON_PROMPT} otherwise. */
    public static KvAdmission kvAdmission(String engine) {
        return "trtllm".equals(engine) ? KvAdmission.RESERVE_OUTPUT : KvAdmission.ON_PROMPT;
    }

    /** {@link PrefillBatching#SEPARATE} for SGLang, {@link PrefillBatching#MIXED} otherwise. */
    public static PrefillBatching prefillBatching(String engine) {
        return "sglang".equals(engine) ? PrefillBatching.SEPARATE : PrefillBatching.MIXED;
    }

    /** A replica's memory as {@code engine} sizes it by default. */
    public static ReplicaMemory memory(String engine, Gpu gpu, LlmModel model, int tensorParallel, Precision precision,
                                       KvCacheDtype kvCache) {
        return memory(engine, gpu, model, tensorParallel, precision, kvCache, 1);
    }

    /**
     * A replica's memory as {@code engine} sizes it by default, its {@code tensorParallel} GPUs
     * forming {@code attentionDataParallel} attention ranks ({@link ReplicaMemory}).
     */
    public static ReplicaMemory memory(String engine, Gpu gpu, LlmModel model, int tensorParallel, Precision precision,
                                       KvCacheDtype kvCache, int attentionDataParallel) {
        ReplicaMemory vllm = new ReplicaMemory(gpu, model, tensorParallel, precision, MEMORY_UTILIZATION, kvCache,
                attentionDataParallel);
        if (!"trtllm".equals(engine)) {
            return vllm;
        }
        // The KV cache takes a share of what weights and activations leave: the same split as a
        // utilization of total memory equal to fixed + share x (total - fixed).
        double total = gpu.memoryBytes() * tensorParallel;
        double fixed = vllm.weightBytes() + ReplicaMemory.ACTIVATION_RESERVE_BYTES_PER_GPU * tensorParallel;
        double utilization = fixed >= total ? 1 : (fixed + FREE_MEMORY_FRACTION * (total - fixed)) / total;
        return new ReplicaMemory(gpu, model, tensorParallel, precision, utilization, kvCache, attentionDataParallel);
    }
}
