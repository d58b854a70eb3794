package io.fleetsim.scenario;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where a scenario file becomes a {@link ScenarioSpec}: every field is type- and
 * range-checked, every reference (pool, GPU, model) resolved, and every model checked to fit its
 * GPUs. Anything wrong is a {@link ScenarioException} naming file, line, field path and what is
 * allowed. The format is documented in {@code scenarios/README.md}.
 */
public final class ScenarioLoader {

    private final HardwareCatalog builtInCatalog;

    /** A loader resolving names against the catalog shipped with fleetsim. */
    public ScenarioLoader() {
        this(CatalogReader.builtIn());
    }

    /** A loader resolving names against {@code catalog}. */
    public ScenarioLoader(HardwareCatalog catalog) {
        this.builtInCatalog = catalog;
    }

    /** Loads and validates a scenario file; {@code displayName} is how errors name it. */
    public ScenarioSpec load(Path file, String displayName) {
        return bind(SpecDocument.read(file, displayName));
    }

    /** Loads and validates a scenario file, naming it in errors as given. */
    public ScenarioSpec load(Path file) {
        return load(file, file.toString());
    }

    /** Validates an already parsed document. */
    public ScenarioSpec bind(SpecNode root) {
        root.allowOnly("name", "description", "seed", "horizon", "catalog", "workload", "pools");
        String name = root.required("name").text();
        if (!root.get("description").isMissing()) {
            root.get("description").text();
        }
        long seed = root.get("seed").isMissing() ? 1 : root.get("seed").integerIn(0, Long.MAX_VALUE);
        double horizon = root.required("horizon").positiveDurationSeconds();
        HardwareCatalog catalog = catalog(root.get("catalog"));

        List<SpecNode> poolNodes = root.required("pools").elements();
        if (poolNodes.isEmpty()) {
            throw root.get("pools").error("needs at least one pool");
        }
        List<PoolSpec> pools = new ArrayList<>();
        Map<String, Integer> poolIndex = new LinkedHashMap<>();
        for (SpecNode p : poolNodes) {
            PoolSpec pool = pool(p, catalog);
            if (poolIndex.putIfAbsent(pool.name(), pools.size()) != null) {
                throw p.get("name").error("duplicate pool name '" + pool.name() + "'");
            }
            pools.add(pool);
        }
        WorkloadSpec workload = workload(root.required("workload"), poolIndex, pools);
        return new ScenarioSpec(name, seed, horizon, workload, pools);
    }

    private HardwareCatalog catalog(SpecNode node) {
        if (node.isMissing()) {
            return builtInCatalog;
        }
        node.allowOnly("gpus", "models");
        return builtInCatalog.with(CatalogReader.readGpus(node.get("gpus")), CatalogReader.readModels(node.get("models")));
    }

    private WorkloadSpec workload(SpecNode node, Map<String, Integer> poolIndex, List<PoolSpec> pools) {
        node.allowOnly("arrivals", "routes");
        ArrivalSpec arrivals = arrivals(node.required("arrivals"));
        List<SpecNode> routeNodes = node.required("routes").elements();
        if (routeNodes.isEmpty()) {
            throw node.get("routes").error("needs at least one route");
        }
        double shareSum = 0;
        List<double[]> shares = new ArrayList<>();
        for (SpecNode r : routeNodes) {
            double share = r.isObject() && !r.get("share").isMissing() ? r.get("share").positiveNumber() : 1;
            shareSum += share;
            shares.add(new double[] {share});
        }
        if (routeNodes.size() > 1) {
            for (SpecNode r : routeNodes) {
                r.required("share");
            }
        }
        List<RouteSpec> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < routeNodes.size(); i++) {
            RouteSpec route = route(routeNodes.get(i), shares.get(i)[0] / shareSum, poolIndex, pools);
            if (!names.add(route.name())) {
                throw routeNodes.get(i).get("name").error("duplicate route name '" + route.name() + "'");
            }
            routes.add(route);
        }
        return new WorkloadSpec(arrivals, routes);
    }

    private static ArrivalSpec arrivals(SpecNode node) {
        node.allowOnly("process", "rate_per_s");
        node.required("process").choice("poisson");
        return new ArrivalSpec.Poisson(node.required("rate_per_s").positiveNumber());
    }

    private static RouteSpec route(SpecNode node, double share, Map<String, Integer> poolIndex, List<PoolSpec> pools) {
        node.allowOnly("name", "share", "prompt_tokens", "output_tokens", "slo", "pool");
        String name = node.required("name").text();
        LengthSpec prompt = length(node.required("prompt_tokens"));
        LengthSpec output = length(node.required("output_tokens"));
        SpecNode sloNode = node.required("slo").allowOnly("ttft", "tpot");
        SloSpec slo = new SloSpec(sloNode.required("ttft").positiveDurationSeconds(),
                sloNode.required("tpot").positiveDurationSeconds());
        int pool;
        SpecNode poolRef = node.get("pool");
        if (poolRef.isMissing()) {
            if (poolIndex.size() > 1) {
                throw node.error("missing required field 'pool' (there is more than one pool: "
                        + String.join(", ", poolIndex.keySet()) + ")");
            }
            pool = 0;
        } else {
            Integer index = poolIndex.get(poolRef.text());
            if (index == null) {
                throw poolRef.error("no pool named '" + poolRef.text() + "'; defined pools: "
                        + String.join(", ", poolIndex.keySet()));
            }
            pool = index;
        }
        return new RouteSpec(name, share, prompt, output, slo, pool);
    }

    private static LengthSpec length(SpecNode node) {
        String dist = node.required("dist").choice("fixed", "lognormal");
        if (dist.equals("fixed")) {
            node.allowOnly("dist", "tokens");
            return new LengthSpec.Fixed((int) node.required("tokens").integerIn(1, 100_000_000));
        }
        node.allowOnly("dist", "median", "p99", "mu", "sigma", "min", "max");
        int min = node.get("min").intIn(1, 100_000_000, 1);
        int max = node.get("max").intIn(1, 100_000_000, 100_000_000);
        if (max < min) {
            throw node.get("max").error("must be >= min (" + min + ")");
        }
        boolean byQuantiles = !node.get("median").isMissing() || !node.get("p99").isMissing();
        boolean byParameters = !node.get("mu").isMissing() || !node.get("sigma").isMissing();
        if (byQuantiles == byParameters) {
            throw node.error("give either median and p99, or mu and sigma");
        }
        if (byQuantiles) {
            double median = node.required("median").positiveNumber();
            double p99 = node.required("p99").positiveNumber();
            if (p99 < median) {
                throw node.get("p99").error("must be >= median (" + median + ")");
            }
            return LengthSpec.Lognormal.fromMedianAndP99(median, p99, min, max);
        }
        return new LengthSpec.Lognormal(node.required("mu").number(), node.required("sigma").numberIn(0, 10), min, max);
    }

    private static PoolSpec pool(SpecNode node, HardwareCatalog catalog) {
        String name = node.required("name").text();
        PoolKind kind = PoolKind.valueOf(node.required("kind").choice("reserved").toUpperCase(java.util.Locale.ROOT));
        int replicas = (int) node.required("replicas").integerIn(0, 1_000_000);
        double price = node.required("usd_per_gpu_hour").numberIn(0, 1e6);
        ServerSpec server;
        if (!node.get("service_time").isMissing()) {
            node.allowOnly("name", "kind", "replicas", "usd_per_gpu_hour", "service_time", "gpus_per_replica");
            server = new ServerSpec.Queueing(duration(node.get("service_time")), node.get("gpus_per_replica")
                    .intIn(0, 1024, 1));
        } else {
            node.allowOnly("name", "kind", "replicas", "usd_per_gpu_hour", "gpu", "model", "tensor_parallel",
                    "precision", "max_model_len", "memory_utilization", "batching", "performance");
            server = llmServer(node, catalog);
        }
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
                : Precision.valueOf(node.get("precision").choice("bf16", "fp8").toUpperCase(java.util.Locale.ROOT));
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
