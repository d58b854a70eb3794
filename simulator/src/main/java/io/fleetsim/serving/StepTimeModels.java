package io.fleetsim.serving;

import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.SpeculativeSpec;
import io.fleetsim.spec.StepTimeMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses and builds the step-time model of an LLM server spec: the kernel model of its engine
 * version and GPU where tables ship, the roofline (flagged uncalibrated) otherwise or when the
 * pool asks for it. Built models are kept per spec, so replicas of one pool share one
 * precomputation (specs are immutable records, equal specs give equal models).
 */
public final class StepTimeModels {

    private static final int CACHE_LIMIT = 256;
    private static final Map<ServerSpec.Llm, StepTimeModel> CACHE = new ConcurrentHashMap<>();
    /** Kernel models with default overheads, by spec with default overheads: what a new spec's model shares. */
    private static final Map<ServerSpec.Llm, KernelStepTime> TABLES = new ConcurrentHashMap<>();

    private StepTimeModels() {
    }

    /** The model of {@code spec}. */
    public static StepTimeModel of(ServerSpec.Llm spec) {
        StepTimeModel m = CACHE.get(spec);
        if (m != null) {
            return m;
        }
        m = build(spec);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.putIfAbsent(spec, m);
        return m;
    }

    /** The engine a pool on {@code gpu} runs when it names none: vLLM, newest version with kernel tables. */
    public static EngineSpec defaultEngine(String gpu) {
        return new EngineSpec(EngineSpec.DEFAULT_NAME, KernelIndex.builtIn().defaultVersion(EngineSpec.DEFAULT_NAME, gpu));
    }

    private static StepTimeModel build(ServerSpec.Llm spec) {
        SpeculativeSpec speculative = spec.speculative();
        if (speculative != null) {
            StepTimeModel target = of(spec.withoutSpeculation());
            if (speculative.draft() == null) {
                return new SpeculativeStepTime(target, target, 1.0 / spec.memory().model().layers(),
                        speculative.tokens());
            }
            ReplicaMemory m = spec.memory();
            ServerSpec.Llm draft = new ServerSpec.Llm(new ReplicaMemory(m.gpu(), speculative.draft(), m.tensorParallel(),
                    m.precision(), m.memoryUtilization(), m.kvCache()), spec.maxModelLen(), spec.batching(),
                    spec.performance(), spec.engine(), 1);
            return new SpeculativeStepTime(target, of(draft), 1, speculative.tokens());
        }
        PerformanceSpec performance = spec.performance();
        if (performance.method() == StepTimeMethod.ROOFLINE) {
            return new RooflineStepTime(spec.memory(), performance);
        }
        String gpu = spec.memory().gpu().name();
        EngineSpec engine = spec.engine() != null ? spec.engine() : defaultEngine(gpu);
        KernelIndex index = KernelIndex.builtIn();
        // A version without tables of its own (one a fitted profile is pinned to) runs on the closest
        // version measured of its engine, as validate-model simulated the rows that profile was fitted on.
        Optional<KernelIndex.Entry> entry = index.find(engine.name(), engine.version(), gpu)
                .or(() -> index.closest(engine.name(), engine.version(), gpu));
        String standIn = null;
        if (entry.isEmpty()) {
            // Kernels are the GPU's libraries (cuBLAS/CUTLASS GEMMs, FlashInfer/FlashAttention, NCCL) more
            // than the engine's: another engine's measured kernels on the same GPU are nearer the truth than
            // a roofline with guessed efficiencies. The engine's own overheads still apply.
            entry = index.newest(EngineSpec.DEFAULT_NAME, gpu);
            if (entry.isPresent()) {
                standIn = "no " + engine.label() + " kernel tables on " + gpu + ": " + entry.get().engine() + " "
                        + entry.get().version() + "'s measured kernels"
                        + (entry.get().standsIn() ? " on " + entry.get().measuredOn() : "") + " stand in";
            }
        }
        if (standIn == null && entry.isPresent() && entry.get().standsIn()) {
            standIn = "no kernel tables measured on " + gpu + ": " + entry.get().measuredOn() + "'s ("
                    + entry.get().engine() + " " + entry.get().version() + ") stand in";
        }
        List<String> why = new ArrayList<>();
        if (entry.isPresent()) {
            // The tables depend on everything but the engine overheads, and on whether the pool's engine
            // is the one they were measured in: build them once per such spec.
            boolean otherEngine = !entry.get().engine().equals(engine.name());
            ServerSpec.Llm tablesSpec = new ServerSpec.Llm(spec.memory(), spec.maxModelLen(), spec.batching(),
                    PerformanceSpec.KERNEL_DEFAULT, new EngineSpec(otherEngine ? engine.name() : entry.get().engine(),
                    entry.get().version()), spec.expertParallel());
            KernelStepTime tables = TABLES.get(tablesSpec);
            if (tables != null) {
                return tables.withEngineOverheads(performance, standIn);
            }
            // On Blackwell (the GPUs with fp4 tensor cores) vLLM runs fused MoE through FlashInfer's
            // TensorRT-LLM kernels, so its measured MoE blocks stand in for engines whose tables lack
            // them; on Hopper its Triton kernels are not TensorRT-LLM's (a grouped GEMM is nearer:
            // Qwen3-235B fp8 on H100 under TensorRT-LLM, docs/validation.md).
            KernelIndex.Entry moeStandIn = entry.get().engine().equals(EngineSpec.DEFAULT_NAME)
                    || !spec.memory().gpu().supports(Precision.FP4) ? null
                    : index.newest(EngineSpec.DEFAULT_NAME, gpu).orElse(null);
            KernelStepTime k = KernelStepTime.build(spec.memory(), spec.batching(), spec.maxModelLen(),
                    PerformanceSpec.KERNEL_DEFAULT, spec.expertParallel(), entry.get(), index.tables(entry.get()),
                    moeStandIn, otherEngine, why);
            if (k != null) {
                if (TABLES.size() >= CACHE_LIMIT) {
                    TABLES.clear();
                }
                TABLES.putIfAbsent(tablesSpec, k);
                return k.withEngineOverheads(performance, standIn);
            }
        } else {
            why.add("no kernel tables for " + engine.label() + " on " + gpu);
        }
        StepTimeProvenance roofline = StepTimeProvenance.roofline(performance);
        return new RooflineStepTime(spec.memory(), performance, new StepTimeProvenance(
                engine.label() + " " + roofline.profile(), roofline.source(), ProfileFit.UNCALIBRATED, why));
    }
}
