package io.fleetsim.calibration;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.serving.RooflineStepTime;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.spec.PerformanceSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link StepTimeModel} predicts for measured configurations on one GPU at given efficiency
 * factors, mapped the way the measurements were taken: the prefill of {@code b} prompts of
 * {@code s} tokens is one iteration of {@code b s} tokens, each prompt attending only to itself;
 * the per-token time is the mean of the {@code output - 1} decode iterations that follow, the
 * batch starting with {@code b (s + 1)} tokens of KV cache.
 */
public final class StepTimePredictor {

    /** Predicted times of one configuration. */
    public record Prediction(double prefillSeconds, double perTokenSeconds) {
    }

    private record Replica(String model, int tensorParallel) {
    }

    private final Gpu gpu;
    private final HardwareCatalog catalog;
    private final PerformanceSpec performance;
    private final Map<Replica, StepTimeModel> models = new HashMap<>();

    /** Predictions on {@code gpu} at {@code performance}; model names are looked up in {@code catalog}. */
    public StepTimePredictor(Gpu gpu, HardwareCatalog catalog, PerformanceSpec performance) {
        this.gpu = gpu;
        this.catalog = catalog;
        this.performance = performance;
    }

    /** The efficiency factors predictions are made at. */
    public PerformanceSpec performance() {
        return performance;
    }

    /** Predicted prefill and per-token time of {@code c}. */
    public Prediction predict(Configuration c) {
        StepTimeModel model = models.computeIfAbsent(new Replica(c.model(), c.tensorParallel()), this::stepTimes);
        int batch = c.batchSize();
        int prompt = c.promptTokens();
        double prefill = model.iterationSeconds(batch * prompt, batch * StepTimeModel.prefillContext(0, prompt), 0, 0);
        long decodeIterations = c.outputTokens() - 1L;
        double perToken = model.decodeSegmentSeconds(batch, (double) batch * (prompt + 1), decodeIterations)
                / decodeIterations;
        return new Prediction(prefill, perToken);
    }

    private StepTimeModel stepTimes(Replica r) {
        LlmModel model = catalog.model(r.model());
        if (model == null) {
            throw new IllegalArgumentException("unknown model " + r.model());
        }
        // Memory utilization only sizes the KV cache, which step times do not depend on.
        return new RooflineStepTime(new ReplicaMemory(gpu, model, r.tensorParallel(), Precision.BF16, 0.9), performance);
    }
}
