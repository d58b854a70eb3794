package io.fleetsim.serving;

import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.scenario.EngineSpec;
import io.fleetsim.scenario.PerformanceSpec;
import io.fleetsim.scenario.ServerSpec;
import io.fleetsim.scenario.SpeculativeSpec;
import io.fleetsim.scenario.StepTimeMethod;
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

    /** The engine a pool on {@code gpu} runs when it names none ({@link EngineSpec#defaultFor}). */
    public static EngineSpec defaultEngine(String gpu) {
        return EngineSpec.defaultFor(gpu);
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
        Optional<KernelIndex.Entry> entry = index.find(engine.name(), engine.version(), gpu);
        List<String> why = new ArrayList<>();
        if (entry.isPresent()) {
            KernelStepTime k = KernelStepTime.build(spec.memory(), spec.batching(), spec.maxModelLen(), performance,
                    spec.expertParallel(), entry.get(), index.tables(entry.get()), why);
            if (k != null) {
                return k;
            }
        } else {
            why.add("no kernel tables for " + engine.label() + " on " + gpu);
        }
        StepTimeProvenance roofline = StepTimeProvenance.roofline(performance);
        return new RooflineStepTime(spec.memory(), performance, new StepTimeProvenance(
                engine.label() + " " + roofline.profile(), roofline.source(), ProfileFit.UNCALIBRATED, why));
    }
}
