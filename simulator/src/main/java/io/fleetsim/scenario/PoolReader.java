package io.fleetsim.scenario;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.cost.PriceBook;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.input.SpecNode;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.spec.BalancingPolicy;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.CapacitySpec;
import io.fleetsim.spec.CommitmentSpec;
import io.fleetsim.spec.DisruptionsSpec;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.FailureSpec;
import io.fleetsim.spec.KvAdmission;
import io.fleetsim.spec.OwnershipSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.PrefillBatching;
import io.fleetsim.spec.ScalingSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.AcceptanceSpec;
import io.fleetsim.spec.SpeculativeSpec;
import io.fleetsim.spec.StepTimeMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates one entry of a scenario's {@code pools} list: how the capacity is bought, what a
 * replica is (GPU, model, parallelism, batching limits) and that the model fits its GPUs.
 */
final class PoolReader {

    private static final List<String> COMMON_FIELDS = List.of("name", "kind", "enabled", "max_queue", "balancing");
    private static final List<String> CAPACITY_FIELDS = List.of("min_replicas", "max_replicas", "cold_start",
            "billing", "autoscaling");
    private static final List<String> LLM_FIELDS = List.of("gpu", "model", "tensor_parallel", "precision",
            "max_model_len", "memory_utilization", "batching", "performance", "engine", "kv_cache_dtype", "expert_parallel", "attention_data_parallel", "disaggregation",
            "speculative");

    /** Most attention data-parallel ranks of a replica: one NVL72 rack of single-GPU ranks. */
    static final int MAX_ATTENTION_RANKS = 72;

    private PoolReader() {
    }

    static PoolSpec read(SpecNode node, HardwareCatalog catalog, PriceBook prices, List<String> routes) {
        PoolKind kind = PoolKind.fromId(node.required("kind").choice("reserved", "on-demand", "spot", "api"));
        // Unknown fields first, so a misspelt required field is reported as what it is.
        boolean queueing = kind != PoolKind.API && !node.get("service_time").isMissing();
        node.allowOnly(allowedFields(kind, queueing));
        String name = node.required("name").text();
        int maxQueue = node.get("max_queue").intIn(1, Integer.MAX_VALUE, PoolSpec.DEFAULT_MAX_QUEUE);
        BalancingPolicy balancing = node.get("balancing").isMissing() ? BalancingPolicy.CENTRAL_QUEUE
                : BalancingPolicy.valueOf(node.get("balancing").choice("central_queue", "round_robin",
                        "least_outstanding_tokens", "power_of_two", "prefix_aware").toUpperCase(Locale.ROOT));
        if (kind == PoolKind.API) {
            return new PoolSpec(name, kind, 1, 0, new ServerSpec.Api(ApiReader.read(node.required("api"))),
                    CapacitySpec.FIXED, maxQueue, "api prices: " + node.get("api").get("price_source").text("scenario"),
                    BalancingPolicy.CENTRAL_QUEUE, node.get("abort_on_disconnect").flag(true), null, null);
        }
        ServerSpec server = queueing
                ? new ServerSpec.Queueing(DurationReader.read(node.get("service_time")),
                        node.get("gpus_per_replica").intIn(0, 1024, 1))
                : node.get("disaggregation").isMissing() ? llmServer(node, null, catalog, routes)
                : DisaggregationReader.read(node, node.get("disaggregation"), catalog, routes);
        CapacitySpec capacity = CapacityReader.read(node, kind);
        int replicas = kind == PoolKind.RESERVED ? (int) node.required("replicas").integerIn(0, 1_000_000)
                : initialReplicas(node, capacity);
        DisruptionsSpec disruptions = DisruptionsReader.read(node, replicas, capacity);
        if (disruptions.headroom() != null) {
            replicas = disruptions.headroom().replicas();
        }
        SpecNode priceNode = node.get("usd_per_gpu_hour");
        boolean abort = node.get("abort_on_disconnect").flag(true);
        OwnershipSpec ownership = OwnershipReader.purchase(node.get("purchase"), priceNode);
        CommitmentSpec commitment = OwnershipReader.commitment(node.get("commitment"), node.get("purchase"));
        double price;
        String source;
        if (ownership != null) {
            price = 0;
            source = "owned: " + ownership.source();
        } else if (!priceNode.isMissing()) {
            price = priceNode.numberIn(0, 1e6);
            source = "scenario";
        } else {
            String gpu = server instanceof ServerSpec.Llm llm ? llm.memory().gpu().name()
                    : server instanceof ServerSpec.Disaggregated d ? d.prefill().memory().gpu().name() : "";
            PriceBook.GpuHourPrice found = prices.find(gpu, kind);
            if (found == null) {
                throw node.error("missing required field 'usd_per_gpu_hour' (no default " + kind.id()
                        + " price for " + (gpu.isEmpty() ? "this pool" : gpu) + " in catalog/prices.yaml)");
            }
            price = found.usdPerGpuHour();
            source = "default: " + found.source();
        }
        return new PoolSpec(name, kind, replicas, price, server, capacity, maxQueue, source, balancing, abort,
                ownership, commitment, failures(node.get("failures")), disruptions);
    }

    private static String[] allowedFields(PoolKind kind, boolean queueing) {
        List<String> allowed = new ArrayList<>(COMMON_FIELDS);
        if (kind == PoolKind.API) {
            allowed.addAll(List.of("api", "abort_on_disconnect"));
            return allowed.toArray(new String[0]);
        }
        allowed.addAll(List.of("replicas", "usd_per_gpu_hour", "abort_on_disconnect", "failures", "zone_outages",
                "rolling_deploys", "headroom"));
        if (kind == PoolKind.RESERVED) {
            allowed.addAll(List.of("purchase", "commitment"));
        } else {
            allowed.addAll(CAPACITY_FIELDS);
        }
        if (kind == PoolKind.SPOT) {
            allowed.add("spot");
        }
        if (queueing) {
            allowed.addAll(List.of("service_time", "gpus_per_replica"));
        } else {
            allowed.addAll(LLM_FIELDS);
        }
        return allowed.toArray(new String[0]);
    }

    /** {@code failures: {mtbf_per_gpu: 50000h, repair: 4h, at: [2h], source: ...}}; the MTBF defaults to Llama 3's. */
    private static FailureSpec failures(SpecNode node) {
        if (node.isMissing()) {
            return null;
        }
        node.allowOnly("mtbf_per_gpu", "repair", "at", "source");
        List<Double> at = new ArrayList<>();
        for (SpecNode t : node.get("at").elements()) {
            at.add(t.durationSeconds());
        }
        boolean defaultRate = node.get("mtbf_per_gpu").isMissing();
        double mtbf = defaultRate ? (at.isEmpty() ? FailureSpec.DEFAULT_MTBF_PER_GPU_SECONDS : 0)
                : node.get("mtbf_per_gpu").positiveDurationSeconds();
        String source = node.get("source").text(defaultRate && at.isEmpty() ? FailureSpec.DEFAULT_SOURCE : "scenario");
        return new FailureSpec(mtbf, node.required("repair").durationSeconds(), at, source);
    }

    private static int initialReplicas(SpecNode node, CapacitySpec capacity) {
        ScalingSpec scaling = capacity.scaling();
        if (node.get("replicas").isMissing()) {
            if (scaling == null) {
                throw node.error("missing required field 'replicas' (or 'autoscaling' with min_replicas)");
            }
            return scaling.minReplicas();
        }
        int replicas = (int) node.get("replicas").integerIn(0, 1_000_000);
        if (scaling != null && (replicas < scaling.minReplicas() || replicas > scaling.maxReplicas())) {
            throw node.get("replicas").error("must be between min_replicas (" + scaling.minReplicas()
                    + ") and max_replicas (" + scaling.maxReplicas() + ")");
        }
        return replicas;
    }

    /**
     * The field {@code field} of one side of a disaggregated deployment ({@code side}) when it
     * sets it, else the pool's; the pool's for an aggregated pool ({@code side} null).
     */
    private static SpecNode field(SpecNode node, SpecNode side, String field) {
        if (side != null) {
            SpecNode own = side.get(field);
            if (!own.isMissing()) {
                return own;
            }
        }
        return node.get(field);
    }

    /**
     * One replica of an LLM pool, or (with {@code side}, a {@code disaggregation.prefill} or
     * {@code .decode} entry) one worker of a disaggregated deployment: the side's parallel layout,
     * batching limits and memory share where it gives them, the pool's otherwise.
     */
    static ServerSpec.Llm llmServer(SpecNode node, SpecNode side, HardwareCatalog catalog, List<String> routes) {
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
        int tp = field(node, side, "tensor_parallel").intIn(1, 64, 1);
        SpecNode dpNode = field(node, side, "attention_data_parallel");
        int dp = dpNode.intIn(1, MAX_ATTENTION_RANKS, 1);
        if (dp > 1 && model.moe() == null) {
            throw dpNode.error(model.name() + " has no experts; attention_data_parallel applies to MoE models (the "
                    + "data-parallel ranks of a dense model are replicas: set replicas)");
        }
        // the replica's GPUs: tensor_parallel per attention rank, attention_data_parallel ranks
        int gpus = tp * dp;
        Precision precision = node.get("precision").isMissing() ? Precision.BF16
                : Precision.fromId(node.get("precision").choice("bf16", "fp8", "fp8_block", "fp4", "nvfp4", "mxfp4",
                "int4_wo"));
        if (!gpu.supports(precision)) {
            throw node.get("precision").error(gpu.name() + " has no " + precision.id() + " tensor cores; use bf16");
        }
        SpecNode memoryNode = field(node, side, "memory_utilization");
        SpecNode engineName = node.get("engine").isMissing() ? node.get("engine") : node.get("engine").get("name");
        String engineId = engineName.isMissing() ? EngineSpec.DEFAULT_NAME : engineName.text();
        int maxModelLen = node.get("max_model_len").intIn(1, model.contextLength(), model.contextLength());
        KvCacheDtype kvCache = node.get("kv_cache_dtype").isMissing() ? KvCacheDtype.defaultFor(precision)
                : KvCacheDtype.valueOf(node.get("kv_cache_dtype").choice("bf16", "fp8").toUpperCase(Locale.ROOT));
        ReplicaMemory memory = memoryNode.isMissing()
                ? EngineDefaults.memory(engineId, gpu, model, gpus, precision, kvCache, dp)
                : new ReplicaMemory(gpu, model, gpus, precision, memoryNode.numberIn(0.05, 1.0), kvCache, dp);
        String whyNot = memory.whyNotFit(maxModelLen);
        if (whyNot != null) {
            throw (side != null ? side : modelRef).error(whyNot + (node.get("max_model_len").isMissing()
                    ? ", or a smaller max_model_len" : ""));
        }
        SpecNode b = field(node, side, "batching");
        KvAdmission defaultAdmission = EngineDefaults.kvAdmission(engineId);
        PrefillBatching defaultPrefill = EngineDefaults.prefillBatching(engineId);
        BatchingSpec batching;
        if (b.isMissing()) {
            batching = new BatchingSpec(256, 8192, defaultAdmission, defaultPrefill);
        } else {
            b.allowOnly("max_num_seqs", "max_batched_tokens", "kv_admission", "prefill",
                    "attention_dp_balance_iterations");
            SpecNode admission = b.get("kv_admission");
            SpecNode prefill = b.get("prefill");
            batching = new BatchingSpec(b.get("max_num_seqs").intIn(1, 1_000_000, 256),
                    b.get("max_batched_tokens").intIn(1, 100_000_000, 8192), admission.isMissing() ? defaultAdmission
                    : KvAdmission.valueOf(admission.choice("on_prompt", "reserve_output").toUpperCase(Locale.ROOT)),
                    prefill.isMissing() ? defaultPrefill
                    : PrefillBatching.valueOf(prefill.choice("mixed", "separate").toUpperCase(Locale.ROOT)),
                    b.get("attention_dp_balance_iterations").intIn(0, 1_000_000, 0));
        }
        if (batching.maxBatchedTokens() <= batching.maxNumSeqs() && batching.maxNumSeqs() > 1) {
            throw b.error("max_batched_tokens (" + batching.maxBatchedTokens()
                    + ") must exceed max_num_seqs (" + batching.maxNumSeqs() + ") so prefill can progress while "
                    + "every sequence decodes");
        }
        EngineSpec stated = engine(node.get("engine"), gpu);
        PerformanceSpec performance = performance(node.get("performance"), gpu, gpus, precision, stated);
        EngineSpec engine = checkedVersion(node.get("engine"), stated, gpu, precision, performance.method());
        SpecNode epNode = field(node, side, "expert_parallel");
        int ep = epNode.intIn(1, gpus, 1);
        if (ep > 1 && (model.moe() == null || ep != gpus)) {
            throw epNode.error(model.moe() == null ? model.name() + " has no experts; expert_parallel applies to MoE "
                    + "models" : "must be 1 (experts split by tensor parallelism) or " + (dp > 1
                    ? "tensor_parallel x attention_data_parallel (" + gpus : "tensor_parallel (" + tp)
                    + ": each GPU holds whole experts)");
        }
        ServerSpec.Llm llm = new ServerSpec.Llm(memory, maxModelLen, batching, performance, engine, ep,
                speculative(node.get("speculative"), catalog, routes));
        if (llm.kvCacheTokens() < maxModelLen) {
            throw node.get("speculative").error("with the drafter's weights and KV cache beside the target's ("
                    + (llm.speculative().draft() != null ? "the draft model's" : "the MTP module's: one decoder layer")
                    + ", " + String.format(Locale.ROOT, "%.1f GB", llm.drafterWeightBytes() / 1e9)
                    + " of weights), the KV cache holds " + llm.kvCacheTokens() + " tokens, fewer than max_model_len ("
                    + maxModelLen + "); use a smaller draft, more tensor_parallel or a smaller max_model_len");
        }
        return llm;
    }

    /**
     * The step-time settings: the kernel model by default; the roofline when asked for
     * ({@code step_time: roofline}) or when only roofline settings are given (a named roofline
     * profile or efficiency factors). The kernel model's engine overheads and request latency are
     * those of the shipped profile fitted end to end on the pool's GPU, engine and precision, where
     * one ships, else the defaults; each may be given.
     */
    private static PerformanceSpec performance(SpecNode p, Gpu gpu, int tp, Precision precision, EngineSpec engine) {
        PerformanceProfiles profiles = PerformanceProfiles.builtIn();
        PerformanceSpec defaults = profiles.poolDefault(gpu.name(), tp, precision, engine);
        if (p.isMissing()) {
            return defaults;
        }
        p.allowOnly("step_time", "profile", "compute_efficiency", "memory_efficiency", "iteration_overhead",
                "engine_iteration_overhead", "engine_sequence_overhead", "engine_token_overhead", "request_latency",
                "request_latency_per_in_flight");
        PerformanceSpec d = p.get("profile").isMissing() ? defaults : profiles.resolve(p.get("profile"), gpu.name());
        boolean rooflineOnly = !p.get("compute_efficiency").isMissing()
                || !p.get("memory_efficiency").isMissing() || !p.get("iteration_overhead").isMissing();
        StepTimeMethod method = p.get("step_time").isMissing()
                ? (!p.get("profile").isMissing() ? d.method()
                        : rooflineOnly ? StepTimeMethod.ROOFLINE : StepTimeMethod.KERNELS)
                : StepTimeMethod.valueOf(p.get("step_time").choice("kernels", "roofline").toUpperCase(Locale.ROOT));
        return new PerformanceSpec(
                p.get("compute_efficiency").isMissing() ? d.computeEfficiency()
                        : p.get("compute_efficiency").numberIn(0.01, 1),
                p.get("memory_efficiency").isMissing() ? d.memoryEfficiency()
                        : p.get("memory_efficiency").numberIn(0.01, 1),
                p.get("iteration_overhead").durationSeconds(d.iterationOverheadSeconds()),
                p.get("engine_iteration_overhead").durationSeconds(d.engineIterationSeconds()),
                p.get("engine_sequence_overhead").durationSeconds(d.engineSequenceSeconds()),
                p.get("engine_token_overhead").durationSeconds(d.engineTokenSeconds()),
                p.get("request_latency").durationSeconds(d.requestLatencySeconds()),
                p.get("request_latency_per_in_flight").durationSeconds(d.requestLatencyPerInFlightSeconds()),
                method);
    }

    /**
     * The pool's engine: {@code vllm} at the newest version with kernel tables for the GPU by
     * default ({@link #checkedVersion} checks a named version).
     */
    private static EngineSpec engine(SpecNode e, Gpu gpu) {
        KernelIndex index = KernelIndex.builtIn();
        if (e.isMissing()) {
            return new EngineSpec(EngineSpec.DEFAULT_NAME, index.defaultVersion(EngineSpec.DEFAULT_NAME, gpu.name()));
        }
        e.allowOnly("name", "version");
        String name = e.get("name").isMissing() ? EngineSpec.DEFAULT_NAME
                : e.get("name").choice(EngineSpec.NAMES.toArray(new String[0]));
        return new EngineSpec(name, e.get("version").isMissing() ? index.defaultVersion(name, gpu.name())
                : e.get("version").text());
    }

    /**
     * {@code engine} once its named version is checked: one the kernel tables know, or one a shipped
     * end-to-end profile of the GPU at the pool's precision family is pinned to (its kernels are
     * then the closest measured version's), unless the pool uses the roofline, which depends on
     * neither.
     */
    private static EngineSpec checkedVersion(SpecNode e, EngineSpec engine, Gpu gpu, Precision precision,
                                             StepTimeMethod method) {
        if (e.isMissing() || e.get("version").isMissing()) {
            return engine;
        }
        String name = engine.name();
        String version = engine.version();
        List<String> versions = KernelIndex.builtIn().versions(name);
        List<String> pinned = PerformanceProfiles.builtIn().pinnedVersions(gpu.name(), name, precision);
        // An engine without any tables of its own (SGLang) runs on another engine's kernels: any version.
        if (method == StepTimeMethod.KERNELS && !versions.isEmpty() && !versions.contains(version)
                && !pinned.contains(version)) {
            throw e.get("version").error("unknown " + name + " version '" + version + "'; versions with kernel "
                    + "tables: " + String.join(", ", versions) + (pinned.isEmpty() ? "" : "; with a fitted profile on "
                    + gpu.name() + " at " + precision.family().id() + ": " + String.join(", ", pinned))
                    + " (or performance: {step_time: roofline})");
        }
        return engine;
    }

    /**
     * {@code speculative: {method: draft | mtp, tokens: k, acceptance: A, acceptance_by_route: {ROUTE:
     * A, ...}, draft_model: NAME}}, or null when absent: k from 1 to 16, each A a rate in [0, 1] or a
     * distribution ({@link #acceptance}), the routes named among the scenario's {@code routes}, a
     * catalog draft model for {@code draft}.
     */
    private static SpeculativeSpec speculative(SpecNode s, HardwareCatalog catalog, List<String> routes) {
        if (s.isMissing()) {
            return null;
        }
        s.allowOnly("method", "tokens", "acceptance", "acceptance_by_route", "draft_model");
        String method = s.required("method").choice(SpeculativeSpec.DRAFT, SpeculativeSpec.MTP);
        int tokens = (int) s.required("tokens").integerIn(1, 16);
        AcceptanceSpec acceptance = acceptance(s.required("acceptance"));
        List<AcceptanceSpec> byRoute = new ArrayList<>();
        SpecNode named = s.get("acceptance_by_route");
        if (!named.isMissing()) {
            if (!named.isObject()) {
                throw named.error("must map route names to acceptance rates or distributions, e.g. {code: 0.9}");
            }
            routes.forEach(r -> byRoute.add(acceptance));
            for (String route : named.fieldNames()) {
                int index = routes.indexOf(route);
                if (index < 0) {
                    throw named.get(route).error("unknown route '" + route + "'; routes: " + names(routes));
                }
                byRoute.set(index, acceptance(named.get(route)));
            }
        }
        LlmModel draft = null;
        if (method.equals(SpeculativeSpec.DRAFT)) {
            SpecNode ref = s.required("draft_model");
            draft = catalog.model(ref.text());
            if (draft == null) {
                throw ref.error("unknown model '" + ref.text() + "'; known: " + names(catalog.models().stream()
                        .map(LlmModel::name).toList()));
            }
        } else if (!s.get("draft_model").isMissing()) {
            throw s.get("draft_model").error("method mtp uses the target's own prediction heads: no draft_model");
        }
        return new SpeculativeSpec(method, tokens, acceptance, byRoute, draft);
    }

    /**
     * An acceptance rate in [0, 1], or a distribution of each request's rate: {@code {dist: beta,
     * mean: m, sd: s}} (m in (0, 1), s in (0, sqrt(m (1 - m))), where the Beta distribution
     * exists) or {@code {dist: uniform, min: a, max: b}} (0 &le; a &le; b &le; 1).
     */
    private static AcceptanceSpec acceptance(SpecNode a) {
        if (!a.isObject()) {
            return new AcceptanceSpec.Fixed(a.numberIn(0, 1));
        }
        String dist = a.required("dist").choice("beta", "uniform");
        if (dist.equals("uniform")) {
            a.allowOnly("dist", "min", "max");
            double min = a.required("min").numberIn(0, 1);
            double max = a.required("max").numberIn(0, 1);
            if (max < min) {
                throw a.get("max").error("must be at least min (" + min + ")");
            }
            return new AcceptanceSpec.Uniform(min, max);
        }
        a.allowOnly("dist", "mean", "sd");
        SpecNode meanNode = a.required("mean");
        double mean = meanNode.numberIn(0, 1);
        if (mean <= 0 || mean >= 1) {
            throw meanNode.error("must be strictly between 0 and 1 for a beta distribution (got " + mean
                    + "; give a rate for 0 or 1)");
        }
        SpecNode sdNode = a.required("sd");
        double sd = sdNode.number();
        double most = Math.sqrt(mean * (1 - mean));
        if (!(sd > 0 && sd < most)) {
            throw sdNode.error(String.format(Locale.ROOT, "must be above 0 and below sqrt(mean x (1 - mean)) = %.4f "
                    + "for a beta distribution of mean %s (got %s)", most, mean, sd));
        }
        return new AcceptanceSpec.Beta(mean, sd);
    }

    private static String names(List<String> names) {
        return String.join(", ", names);
    }
}
