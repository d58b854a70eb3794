package io.fleetsim.validation;

import io.fleetsim.calibration.HandoffProfiles;
import io.fleetsim.calibration.PerformanceProfile;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.scenario.EngineDefaults;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.SpeculativeSpec;
import io.fleetsim.workload.Request;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Turns a measured point into the deployment fleetsim simulates for it, as a scenario pool would
 * be built, or into the reason it cannot: a disaggregated deployment, a GPU, model or
 * quantisation the catalog or the step-time model lacks, a parallel layout it cannot express, a
 * model that does not fit.
 *
 * <p>Choices made where the data says nothing, each the engines' default:
 * <ul>
 *   <li>{@code max_num_seqs} is the clients per replica (for a run at a request rate, vLLM's
 *       default {@value #OPEN_LOOP_MAX_NUM_SEQS}) (benchmarks size the engine's batch for
 *       the concurrency they run; a larger limit would change nothing);</li>
 *   <li>{@code max_batched_tokens} is {@value #MAX_BATCHED_TOKENS} (vLLM's online-serving
 *       default on datacenter GPUs, SGLang's chunked-prefill size and TensorRT-LLM's
 *       {@code max_num_tokens}), raised above {@code max_num_seqs} when that is larger;</li>
 *   <li>memory and KV admission as the engine sizes and admits by default ({@link EngineDefaults}:
 *       vLLM's memory utilization {@value #MEMORY_UTILIZATION});</li>
 *   <li>4-bit float experts ({@code nvfp4}) on a GPU without FP4 tensor cores are weight-only
 *       mxfp4 (w4a16, as gpt-oss runs on Hopper), and weight-only formats keep a 16-bit KV
 *       cache.</li>
 * </ul>
 * A dense model's attention-DP ranks are independent replicas; a mixture-of-experts model's
 * expert parallelism and attention-DP ranks (tied together by its expert layers) map onto one
 * replica of attention ranks as {@link ExpertLayout} says, once read as {@link ExpertLayoutReading}
 * says (the sample multiplies some single-node layouts by their expert parallelism). A
 * mixture-of-experts layout whose {@code tp_size} does not divide the model's attention heads
 * cannot be attention tensor parallelism: it is read as that many attention data-parallel ranks
 * of tp 1. A disaggregated row is planned by {@link DisaggregatedPlanner}, each side as a replica
 * of its layout. A deployment whose recipe decoded with multi-token prediction ({@link MtpRecipe})
 * decodes speculatively, at the acceptance its parameters give.
 */
public final class DeploymentPlanner {

    /** Token budget of one iteration. */
    public static final int MAX_BATCHED_TOKENS = 8192;
    /** {@code max_num_seqs} of an engine under a request rate: vLLM's default. */
    public static final int OPEN_LOOP_MAX_NUM_SEQS = 256;
    /** Share of GPU memory the engine may use. */
    public static final double MEMORY_UTILIZATION = EngineDefaults.MEMORY_UTILIZATION;

    private final HardwareCatalog catalog;
    private final ParameterSource parameters;
    private final HandoffProfiles handoffs;
    /** Ids of rows whose run is also listed without multi-token prediction, to the id of that listing. */
    private final Map<String, String> listedPlain;

    /**
     * A planner whose replicas take their parameters from {@code parameters}, and whose
     * disaggregated deployments take their handoff from {@code handoffs}.
     */
    public DeploymentPlanner(HardwareCatalog catalog, ParameterSource parameters, HandoffProfiles handoffs) {
        this(catalog, parameters, handoffs, Map.of());
    }

    private DeploymentPlanner(HardwareCatalog catalog, ParameterSource parameters, HandoffProfiles handoffs,
                              Map<String, String> listedPlain) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.handoffs = handoffs;
        this.listedPlain = listedPlain;
    }

    /**
     * This planner skipping the rows of {@code all} (the whole points file) whose run the file
     * also lists under a deployment without multi-token prediction ({@link DuplicateMeasurements}).
     */
    public DeploymentPlanner withListingsOf(List<MeasuredPoint> all) {
        return new DeploymentPlanner(catalog, parameters, handoffs, DuplicateMeasurements.speculativeListings(all));
    }

    /** A planner whose replicas take their parameters from {@code parameters}, handoffs from the shipped profiles. */
    public DeploymentPlanner(HardwareCatalog catalog, ParameterSource parameters) {
        this(catalog, parameters, HandoffProfiles.builtIn());
    }

    /** This planner with disaggregated deployments' handoffs from {@code other}. */
    public DeploymentPlanner withHandoffs(HandoffProfiles other) {
        return new DeploymentPlanner(catalog, parameters, other, listedPlain);
    }

    /** Where disaggregated deployments take their handoff latency from. */
    HandoffProfiles handoffs() {
        return handoffs;
    }

    /**
     * The multi-token-prediction acceptance these parameters give a replica of {@code tp} GPUs of
     * {@code gpu} at {@code precision} under {@code engine} (any of its versions), or NaN where they
     * give none.
     */
    double mtpAcceptance(Gpu gpu, String engine, int tp, Precision precision) {
        EngineParameters p = parameters.parameters(gpu, new EngineSpec(engine, ""), tp, precision);
        return p == null ? Double.NaN : p.mtpAcceptance();
    }

    /**
     * A planner whose replicas use {@code profile} when given, else the profile a scenario pool
     * of the same GPU, degree and precision would get by default.
     */
    public DeploymentPlanner(HardwareCatalog catalog, PerformanceProfiles profiles,
                             Optional<PerformanceProfile> profile) {
        this(catalog, profile.<ParameterSource>map(ParameterSource.Named::new)
                .orElse(new ParameterSource.PoolDefaults(profiles)));
    }

    /** The simulated deployment of {@code p}, or why there is none. */
    public PointPlan plan(MeasuredPoint p) {
        return plan(p, true);
    }

    /**
     * {@link #plan(MeasuredPoint)} of each of {@code points}, in their order, on {@code threads}
     * threads: sizing a disaggregated row's workers builds their step-time models, a cost worth
     * sharing out. Each plan is a function of its point alone, so the result does not depend on
     * the threads.
     */
    public List<PointPlan> planAll(List<MeasuredPoint> points, int threads) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            return pool.submit(() -> points.parallelStream().map(this::plan).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * As {@link #plan(MeasuredPoint)}; with {@code mapLayout} false, {@code p}'s layout is already
     * the one {@link ExpertLayout} planned, taken as it is.
     */
    private PointPlan plan(MeasuredPoint p, boolean mapLayout) {
        Deployment d = p.deployment();
        String plain = listedPlain.get(p.id());
        if (plain != null) {
            return skip("the same measurement as row " + plain + ", which states no multi-token prediction");
        }
        if (d.disaggregated()) {
            return new DisaggregatedPlanner(this).plan(p);
        }
        // the layout the row ran, where the sample wrote it multiplied by its expert parallelism
        Deployment.ParallelLayout layout = ExpertLayoutReading.of(d.system(), d.layout());
        if (!layout.equals(d.layout())) {
            d = new Deployment(d.system(), d.backend(), d.backendVersion(), d.model(), d.precision(), d.gemmQuant(),
                    d.moeQuant(), d.mode(), layout, d.split());
            p = new MeasuredPoint(p.id(), p.line(), d, p.promptTokens(), p.outputTokens(), p.concurrency(),
                    p.measuredTtftMs(), p.measuredTpotMs(), p.arrivals());
        }
        if (p.concurrency() == 0 && p.arrivals() == null) {
            return skip("no client concurrency stated");
        }
        if (layout.pp() > 1) {
            return skip("pipeline parallelism (pp_size " + layout.pp() + ") not modelled");
        }
        String gpuName = CatalogNames.gpuOf(d.system());
        Gpu gpu = catalog.gpu(gpuName);
        if (gpu == null) {
            return skip("catalog has no GPU " + gpuName + " (system " + d.system() + ")");
        }
        LlmModel model = CatalogNames.modelCandidates(d.model()).stream().map(catalog::model)
                .filter(m -> m != null).findFirst().orElse(null);
        if (model == null) {
            return skip("catalog has no model " + String.join(" or ", CatalogNames.modelCandidates(d.model()))
                    + " (" + d.model() + ")");
        }
        boolean moe = model.activeParams() < model.totalParams();
        Optional<Precision> gemm = CatalogNames.precision(d.gemmQuant());
        if (gemm.isEmpty()) {
            return skip(d.gemmQuant() + " quantisation not modelled");
        }
        Precision precision = gemm.get();
        if (moe) {
            Optional<Precision> experts = CatalogNames.precision(d.moeQuant());
            if (experts.isEmpty()) {
                return skip(d.moeQuant() + " quantisation of experts not modelled");
            }
            if (experts.get().family() != precision.family()) {
                return skip("experts at " + experts.get().id() + " and other layers at " + precision.id()
                        + " (mixed precision not modelled)");
            }
            // The experts hold nearly all the weights: their scaling (block fp8) is the replica's.
            precision = experts.get();
        }
        if (moe && precision == Precision.FP4 && !gpu.supports(precision)) {
            // 4-bit float experts on a GPU without FP4 tensor cores run weight-only (w4a16: Marlin /
            // Triton mxfp4 kernels on Hopper), the other layers at 16 bits.
            precision = Precision.MXFP4;
        }
        if (!gpu.supports(precision)) {
            return skip(gpu.name() + " has no " + precision.id() + " tensor cores");
        }
        int replicas = 1;
        if (moe && mapLayout) {
            if (layout.attentionDp() == 1 && layout.tp() > 1 && model.attentionHeads() % layout.tp() != 0) {
                // Tensor parallelism cannot split the heads this way (DeepSeek-R1's 128 over 28 GPUs
                // on GB200): the engine ran attention data-parallel over those GPUs (TensorRT-LLM's
                // enable_attention_dp, which the rows do not record).
                return withExpertLayout(p, new Deployment.ParallelLayout(1, layout.pp(), layout.tp(), layout.moeTp(),
                        layout.moeEp()));
            }
            if (layout.moeEp() > 1 || layout.attentionDp() > 1) {
                return withExpertLayout(p, layout);
            }
        } else {
            replicas = layout.attentionDp();
        }
        int tp = layout.tp();
        if (tp > 64) {
            return skip("tensor parallelism above 64 (tp_size " + tp + ") not modelled");
        }
        String engine = CatalogNames.engine(d.backend()).orElseThrow();
        // the row's engine as it states it: a profile pinned to its version comes first
        EngineSpec stated = new EngineSpec(engine, d.backendVersion());
        EngineParameters chosen = parameters.parameters(gpu, stated, tp, precision);
        if (chosen == null) {
            return skip(parameters.whyNone(gpu, stated, tp, precision));
        }
        int context = p.promptTokens() + p.outputTokens();
        // weight-only formats compute, and cache KV, at 16 bits (the engines' kv_cache_dtype auto)
        ReplicaMemory memory = EngineDefaults.memory(engine, gpu, model, tp, precision,
                precision.weightOnlyOn(gpu) ? KvCacheDtype.BF16 : KvCacheDtype.defaultFor(precision));
        String whyNot = memory.whyNotFit(context);
        if (whyNot != null) {
            return skip("does not fit: " + whyNot);
        }
        if (context > model.contextLength()) {
            return skip("isl + osl = " + context + " exceeds the model's context of " + model.contextLength());
        }
        // An open loop's batch is limited by the engine's default; a closed loop's by its clients.
        int clientsPerReplica = p.arrivals() != null ? OPEN_LOOP_MAX_NUM_SEQS
                : (p.concurrency() + replicas - 1) / replicas;
        BatchingSpec batching = new BatchingSpec(clientsPerReplica,
                Math.max(MAX_BATCHED_TOKENS, clientsPerReplica + 1), EngineDefaults.kvAdmission(engine),
                EngineDefaults.prefillBatching(engine));
        // The row's engine; its kernel tables are those of the shipped version closest to the row's.
        String version = KernelIndex.builtIn().closest(engine, d.backendVersion(), gpu.name())
                .map(KernelIndex.Entry::version).orElse(d.backendVersion().isEmpty() ? "unknown" : d.backendVersion());
        // the recipe's multi-token prediction, where it used one the row does not state
        ServerSpec.Llm server = new ServerSpec.Llm(memory, model.contextLength(), batching, chosen.performance(),
                new EngineSpec(engine, version), 1, MtpRecipe.of(d, layout, chosen.mtpAcceptanceOrDefault()));
        if (!LlmReplica.fits(server, new Request(0, 0, 0, p.promptTokens(), p.outputTokens()))) {
            return skip("a request of " + context + " tokens does not fit the KV cache");
        }
        return new PointPlan.Simulate(new DeploymentPlan(server, replicas, p.concurrency(), engine,
                d.backendVersion(), chosen.requestLatencySeconds(), p.arrivals()),
                parameters.label(gpu, stated, tp, precision) + speculation(server));
    }

    /**
     * A mixture-of-experts point with expert parallelism or attention data parallelism, planned as
     * {@link ExpertLayout} maps {@code layout} (its own, or as the engine must have run it).
     */
    private PointPlan withExpertLayout(MeasuredPoint p, Deployment.ParallelLayout layout) {
        Deployment d = p.deployment();
        ExpertLayout mapped = ExpertLayout.of(layout);
        if (mapped == null) {
            return skip(ExpertLayout.whyNot(layout));
        }
        MeasuredPoint asPlanned = new MeasuredPoint(p.id(), p.line(), new Deployment(d.system(), d.backend(),
                d.backendVersion(), d.model(), d.precision(), d.gemmQuant(), d.moeQuant(), d.mode(), mapped.planned(),
                d.split()), p.promptTokens(), p.outputTokens(), p.concurrency(), p.measuredTtftMs(),
                p.measuredTpotMs(), p.arrivals());
        PointPlan plan = plan(asPlanned, false);
        if (!(plan instanceof PointPlan.Simulate s)) {
            return plan;
        }
        ServerSpec.Llm server = mapped.apply(s.plan().server(), s.plan().engine());
        if (server.speculative() != null) {
            // draft tokens as the row's own layout (its attention DP) has them, not the planned one
            server = new ServerSpec.Llm(server.memory(), server.maxModelLen(), server.batching(),
                    server.performance(), server.engine(), server.expertParallel(),
                    MtpRecipe.of(d, layout, server.speculative().acceptance().mean()));
        }
        // each attention rank holds its own copy of the weights but the routed experts
        String whyNot = server.memory().whyNotFit(p.promptTokens() + p.outputTokens());
        if (whyNot != null) {
            return skip("does not fit: " + whyNot);
        }
        if (!LlmReplica.fits(server, new Request(0, 0, 0, p.promptTokens(), p.outputTokens()))) {
            return skip("a request of " + (p.promptTokens() + p.outputTokens()) + " tokens does not fit the KV cache");
        }
        return new PointPlan.Simulate(new DeploymentPlan(server, s.plan().replicas(),
                s.plan().clients(), s.plan().engine(), s.plan().engineVersion(), s.plan().requestLatencySeconds(),
                s.plan().arrivals()), s.parametersFrom().replace(speculation(s.plan().server()), "")
                + speculation(server));
    }

    /** How {@code server} speculates, for a row's parameters label; empty when it does not. */
    static String speculation(ServerSpec.Llm server) {
        SpeculativeSpec s = server.speculative();
        return s == null ? "" : String.format(Locale.ROOT, ", multi-token prediction of the recipe (%d draft "
                + "tokens, acceptance %.3f)", s.tokens(), s.acceptance().mean());
    }

    private static PointPlan skip(String reason) {
        return new PointPlan.Skip(reason);
    }
}
