package io.fleetsim.scenario;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import java.util.List;
import java.util.Locale;

/**
 * Validates one entry of a scenario's {@code pools} list: how the capacity is bought, what a
 * replica is (GPU, model, parallelism, batching limits) and that the model fits its GPUs.
 */
final class PoolReader {

    private static final List<String> COMMON_FIELDS = List.of("name", "kind", "replicas", "usd_per_gpu_hour");

    private PoolReader() {
    }

    static PoolSpec read(SpecNode node, HardwareCatalog catalog) {
        // Unknown fields first, so a misspelt required field is reported as what it is.
        boolean queueing = node.isObject() && !node.get("service_time").isMissing();
        if (queueing) {
            node.allowOnly(COMMON_FIELDS, "service_time", "gpus_per_replica");
        } else {
            node.allowOnly(COMMON_FIELDS, "gpu", "model", "tensor_parallel", "precision", "max_model_len",
                    "memory_utilization", "batching", "performance");
        }
        String name = node.required("name").text();
        PoolKind kind = PoolKind.valueOf(node.required("kind").choice("reserved").toUpperCase(Locale.ROOT));
        int replicas = (int) node.required("replicas").integerIn(0, 1_000_000);
        double price = node.required("usd_per_gpu_hour").numberIn(0, 1e6);
        ServerSpec server = queueing
                ? new ServerSpec.Queueing(duration(node.get("service_time")),
                        node.get("gpus_per_replica").intIn(0, 1024, 1))
                : llmServer(node, catalog);
        return new PoolSpec(name, kind, replicas, price, server);
    }

    private static ServerSpec.Llm llmServer(SpecNode node, HardwareCatalog catalog) {
        SpecNode gpuRef = node.get("gpu");
        if (gpuRef.isMissing()) {
            throw node.error("missing required field 'gpu' (or 'service_time' for an abstract queueing server)");
        }
        Gpu gpu = catalog.gpu(gpuRef.text());
        if (gpu == null) {
            throw gpuRef.error("unknown GPU '" + gpuRef.text() + "'; known: " + names(catalog.gpus().stream()
                    .map(Gpu::name).toList()) + " (or add it under catalog.gpus)");
        }
        SpecNode modelRef = node.required("model");
        LlmModel model = catalog.model(modelRef.text());
        if (model == null) {
            throw modelRef.error("unknown model '" + modelRef.text() + "'; known: " + names(catalog.models().stream()
                    .map(LlmModel::name).toList()) + " (or add it under catalog.models)");
        }
        int tp = node.get("tensor_parallel").intIn(1, 64, 1);
        Precision precision = node.get("precision").isMissing() ? Precision.BF16
                : Precision.valueOf(node.get("precision").choice("bf16", "fp8", "fp4").toUpperCase(Locale.ROOT));
        if (!gpu.supports(precision)) {
            throw node.get("precision").error(gpu.name() + " has no " + precision.id() + " tensor cores; use bf16");
        }
        double memoryUtilization = node.get("memory_utilization").isMissing() ? 0.9
                : node.get("memory_utilization").numberIn(0.05, 1.0);
        int maxModelLen = node.get("max_model_len").intIn(1, model.contextLength(), model.contextLength());
        ReplicaMemory memory = new ReplicaMemory(gpu, model, tp, precision, memoryUtilization);
        String whyNot = memory.whyNotFit(maxModelLen);
        if (whyNot != null) {
            throw modelRef.error(whyNot + (node.get("max_model_len").isMissing()
                    ? ", or a smaller max_model_len" : ""));
        }
        SpecNode b = node.get("batching");
        BatchingSpec batching;
        if (b.isMissing()) {
            batching = new BatchingSpec(256, 8192);
        } else {
            b.allowOnly("max_num_seqs", "max_batched_tokens");
            batching = new BatchingSpec(b.get("max_num_seqs").intIn(1, 1_000_000, 256),
                    b.get("max_batched_tokens").intIn(1, 100_000_000, 8192));
        }
        if (batching.maxBatchedTokens() <= batching.maxNumSeqs() && batching.maxNumSeqs() > 1) {
            throw node.get("batching").error("max_batched_tokens (" + batching.maxBatchedTokens()
                    + ") must exceed max_num_seqs (" + batching.maxNumSeqs() + ") so prefill can progress while "
                    + "every sequence decodes");
        }
        SpecNode p = node.get("performance");
        PerformanceSpec performance = PerformanceSpec.DEFAULT;
        if (!p.isMissing()) {
            p.allowOnly("compute_efficiency", "memory_efficiency", "iteration_overhead");
            PerformanceSpec d = PerformanceSpec.DEFAULT;
            performance = new PerformanceSpec(
                    p.get("compute_efficiency").isMissing() ? d.computeEfficiency()
                            : p.get("compute_efficiency").numberIn(0.01, 1),
                    p.get("memory_efficiency").isMissing() ? d.memoryEfficiency()
                            : p.get("memory_efficiency").numberIn(0.01, 1),
                    p.get("iteration_overhead").durationSeconds(d.iterationOverheadSeconds()));
        }
        return new ServerSpec.Llm(memory, maxModelLen, batching, performance);
    }

    private static DurationSpec duration(SpecNode node) {
        String dist = node.required("dist").choice("fixed", "exponential");
        if (dist.equals("fixed")) {
            node.allowOnly("dist", "value");
            return new DurationSpec.Fixed(node.required("value").positiveDurationSeconds());
        }
        node.allowOnly("dist", "mean");
        return new DurationSpec.Exponential(node.required("mean").positiveDurationSeconds());
    }

    private static String names(List<String> names) {
        return String.join(", ", names);
    }
}
