package io.fleetsim.validation;

import io.fleetsim.calibration.HandoffProfile;
import io.fleetsim.serving.DisaggregatedServer;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.HandoffSpec;
import io.fleetsim.spec.KvLinkSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.SpeculativeSpec;
import io.fleetsim.workload.Request;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a measured disaggregated point into the xPyD deployment fleetsim simulates for it, or
 * into the reason it cannot. Each side is planned as {@link DeploymentPlanner} plans an aggregated
 * replica of that side's layout (same catalog, quantisation, fit and step-time parameters), so a
 * side is expressible exactly when that replica would be.
 *
 * <p>Layouts of mixture-of-experts workers (expert parallelism, attention data parallelism) map
 * as {@link ExpertLayout} says, as for aggregated rows: a worker of {@code dp} attention ranks is
 * one replica whose ranks each run their own sequences.
 *
 * <p>Choices made where the data says nothing:
 * <ul>
 *   <li>an empty {@code prefill_num_workers} / {@code decode_num_workers} is sized for the row's
 *       clients as {@link WorkerSizing} says;</li>
 *   <li>the KV link is NVLink (half the catalog's both-ways figure per GPU) on NVL72 systems
 *       ({@code gb200}, {@code gb300}) and when both workers fit one 8-GPU node; InfiniBand
 *       (400 Gb/s per GPU) between the nodes of 8-GPU systems otherwise;</li>
 *   <li>batching limits: where the row states them ({@code prefill_batch_size},
 *       {@code decode_batch_size}) they are sequences per attention rank, so a worker of
 *       {@code dp} ranks batches {@code dp} times as many (and its token budget is the ranks'
 *       together); other limits and the memory share as
 *       {@link DeploymentPlanner} chooses them for the clients of the deployment.</li>
 * </ul>
 * Where a handoff profile of the row's GPU and engine ships ({@link DeploymentPlanner#handoffs}),
 * the deployment hands each request over with its fitted latency, which then stands for every
 * fixed per-request latency of the path (no request latency of the aggregated profiles);
 * elsewhere it hands over at no cost, the clients' requests arriving after the prefill side's
 * aggregated request latency.
 */
public final class DisaggregatedPlanner {

    /** Systems whose GPUs share one NVLink domain of 72 (NVL72 racks). */
    private static final Set<String> NVL72 = Set.of("gb200", "gb300");
    /** GPUs per node of the other systems (HGX / DGX boards). */
    private static final int NODE_GPUS = 8;

    private final DeploymentPlanner sides;

    /** A planner whose workers are planned by {@code sides}. */
    public DisaggregatedPlanner(DeploymentPlanner sides) {
        this.sides = sides;
    }

    /** The simulated deployment of disaggregated point {@code p}, or why there is none. */
    public PointPlan plan(MeasuredPoint p) {
        Deployment d = p.deployment();
        if (d.split() == null) {
            return new PointPlan.Skip("disaggregated row without prefill_* layout columns");
        }
        if (p.concurrency() == 0) {
            return new PointPlan.Skip("no client concurrency stated");
        }
        Object prefill = side(p, d.split().prefill(), "prefill");
        if (prefill instanceof PointPlan.Skip s) {
            return s;
        }
        Object decode = side(p, d.layout(), "decode");
        if (decode instanceof PointPlan.Skip s) {
            return s;
        }
        PointPlan.Simulate pre = (PointPlan.Simulate) prefill;
        // a prefill worker hands over after the first token: it never decodes, so never speculates
        ServerSpec.Llm prefillWorker = withBatch(pre.plan().server().withoutSpeculation(), d.split().prefillBatch(),
                d.split().prefill().attentionDp());
        ServerSpec.Llm decodeWorker = withBatch(((PointPlan.Simulate) decode).plan().server(),
                d.split().decodeBatch(), d.layout().attentionDp());
        SpeculativeSpec sglangMtp = MtpRecipe.ofSglangDecode(d, sides.mtpAcceptance(decodeWorker.memory().gpu(),
                MtpRecipe.FITTED_ENGINE, decodeWorker.memory().tensorParallel(), decodeWorker.memory().precision()));
        if (sglangMtp != null) {
            decodeWorker = decodeWorker.withSpeculation(sglangMtp);
        }
        WorkerSizing workers = WorkerSizing.of(prefillWorker, decodeWorker, p.concurrency(), p.promptTokens(),
                p.outputTokens(), d.split().prefillWorkers(), d.split().decodeWorkers());
        int prefillWorkers = workers.prefillWorkers();
        int decodeWorkers = workers.decodeWorkers();
        ServerSpec.Disaggregated server = new ServerSpec.Disaggregated(prefillWorker, prefillWorkers, decodeWorker,
                decodeWorkers, link(d.system(), prefillWorker, prefillWorkers, decodeWorker, decodeWorkers));
        if (!DisaggregatedServer.fits(server, new Request(0, 0, 0, p.promptTokens(), p.outputTokens()))) {
            return new PointPlan.Skip("a request of " + (p.promptTokens() + p.outputTokens())
                    + " tokens does not fit a worker's KV cache");
        }
        DisaggregatedPlan plan = new DisaggregatedPlan(server, p.concurrency(), pre.plan().engine(),
                pre.plan().requestLatencySeconds());
        Optional<HandoffProfile> handoff = sides.handoffs().of(prefillWorker.memory().gpu().name(), plan.engine());
        if (handoff.isEmpty()) {
            return new PointPlan.SimulateDisaggregated(plan, pre.parametersFrom());
        }
        HandoffProfile h = handoff.get();
        return new PointPlan.SimulateDisaggregated(plan.withHandoff(new HandoffSpec(h.latencySeconds(), h.name())),
                pre.parametersFrom() + ", " + h.describe());
    }

    /** One side planned as an aggregated replica of its layout, or why not. */
    private Object side(MeasuredPoint p, Deployment.ParallelLayout layout, String name) {
        Deployment d = p.deployment();
        MeasuredPoint point = new MeasuredPoint(p.id(), p.line(), new Deployment(d.system(), d.backend(),
                d.backendVersion(), d.model(), d.precision(), d.gemmQuant(), d.moeQuant(), "agg", layout),
                p.promptTokens(), p.outputTokens(), p.concurrency(), p.measuredTtftMs(), p.measuredTpotMs());
        PointPlan plan = sides.plan(point);
        if (plan instanceof PointPlan.Skip s) {
            return new PointPlan.Skip(name + ": " + s.reason());
        }
        PointPlan.Simulate simulate = (PointPlan.Simulate) plan;
        if (simulate.plan().replicas() > 1) {
            return new PointPlan.Skip(name + ": attention data parallelism (dp " + layout.attentionDp()
                    + ") within a worker not modelled");
        }
        return simulate;
    }

    /**
     * {@code worker} batching at most {@code batch} sequences per attention rank, {@code ranks}
     * ranks, when the row states its batch size ({@code batch} > 0); else as planned.
     */
    private static ServerSpec.Llm withBatch(ServerSpec.Llm worker, int batch, int ranks) {
        if (batch == 0) {
            return worker;
        }
        int seqs = batch * ranks;
        int budget = DeploymentPlanner.MAX_BATCHED_TOKENS * worker.memory().attentionDataParallel();
        return new ServerSpec.Llm(worker.memory(), worker.maxModelLen(), new BatchingSpec(seqs,
                Math.max(budget, seqs + 1)), worker.performance(), worker.engine(),
                worker.expertParallel(), worker.speculative());
    }

    private static KvLinkSpec link(String system, ServerSpec.Llm prefill, int prefillWorkers, ServerSpec.Llm decode,
                                   int decodeWorkers) {
        int gpus = prefill.gpusPerReplica() * prefillWorkers + decode.gpusPerReplica() * decodeWorkers;
        return NVL72.contains(system) || gpus <= NODE_GPUS ? KvLinkSpec.nvlinkOf(prefill.memory().gpu())
                : KvLinkSpec.infiniband();
    }
}
