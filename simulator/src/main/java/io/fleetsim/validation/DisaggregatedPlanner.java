package io.fleetsim.validation;

import io.fleetsim.scenario.KvLinkSpec;
import io.fleetsim.scenario.ServerSpec;
import io.fleetsim.serving.DisaggregatedServer;
import io.fleetsim.workload.Request;
import java.util.Set;

/**
 * Turns a measured disaggregated point into the xPyD deployment fleetsim simulates for it, or
 * into the reason it cannot. Each side is planned as {@link DeploymentPlanner} plans an aggregated
 * replica of that side's layout (same catalog, quantisation, fit and step-time parameters), so a
 * side is expressible exactly when that replica would be.
 *
 * <p>Layouts, with AIConfigurator's conventions (a worker has {@code tp_size x attention_dp_size}
 * GPUs; its experts are split {@code moe_tp_size x moe_ep_size} over them):
 * <ul>
 *   <li>{@code moe_ep_size} dividing {@code tp_size} ({@code attention_dp_size} 1): experts in
 *       {@code moe_ep_size} groups, each split by tensor parallelism over {@code tp / ep} GPUs,
 *       tokens dispatched and combined by all-to-all (the kernel model's {@code expert_parallel});</li>
 *   <li>attention data parallelism of a mixture-of-experts model (DeepSeek-style wide EP, e.g.
 *       {@code tp 1 x dp 8}, experts over all 8 GPUs): <em>approximated</em> as attention
 *       tensor-parallel over the worker's {@code tp x dp} GPUs with the same expert parallelism. The
 *       GEMM FLOPs and the KV cache (each rank keeps its own sequences' MLA latent) are those of
 *       the DP layout; the attention weights are read once per rank under DP but once per worker
 *       here, and the attention all-reduce stands for DP's gather of the ranks' tokens, so the
 *       approximation errs fast at small batches;</li>
 *   <li>any other split (experts over GPUs that are not the worker's) is skipped.</li>
 * </ul>
 *
 * <p>Choices made where the data says nothing:
 * <ul>
 *   <li>an empty {@code prefill_num_workers} / {@code decode_num_workers} is one worker;</li>
 *   <li>the KV link is NVLink (half the catalog's both-ways figure per GPU) on NVL72 systems
 *       ({@code gb200}, {@code gb300}) and when both workers fit one 8-GPU node; InfiniBand
 *       (400 Gb/s per GPU) between the nodes of 8-GPU systems otherwise;</li>
 *   <li>batching limits and memory share as {@link DeploymentPlanner} chooses them for the
 *       clients of the deployment.</li>
 * </ul>
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
        ServerSpec.Llm prefillWorker = (ServerSpec.Llm) expertParallel(pre, d.split().prefill());
        ServerSpec.Llm decodeWorker = (ServerSpec.Llm) expertParallel((PointPlan.Simulate) decode, d.layout());
        int prefillWorkers = Math.max(1, d.split().prefillWorkers());
        int decodeWorkers = Math.max(1, d.split().decodeWorkers());
        ServerSpec.Disaggregated server = new ServerSpec.Disaggregated(prefillWorker, prefillWorkers, decodeWorker,
                decodeWorkers, link(d.system(), prefillWorker, prefillWorkers, decodeWorker, decodeWorkers));
        if (!DisaggregatedServer.fits(server, new Request(0, 0, 0, p.promptTokens(), p.outputTokens()))) {
            return new PointPlan.Skip("a request of " + (p.promptTokens() + p.outputTokens())
                    + " tokens does not fit a worker's KV cache");
        }
        return new PointPlan.SimulateDisaggregated(new DisaggregatedPlan(server, p.concurrency(), pre.plan().engine(),
                pre.plan().requestLatencySeconds()), pre.parametersFrom());
    }

    /** One side planned as an aggregated replica of its layout (experts split by TP), or why not. */
    private Object side(MeasuredPoint p, Deployment.ParallelLayout layout, String name) {
        Deployment d = p.deployment();
        int gpus = layout.tp() * layout.attentionDp();
        boolean moeDp = layout.attentionDp() > 1 && layout.moeTp() * layout.moeEp() == gpus;
        if (layout.moeEp() > 1 && (gpus % layout.moeEp() != 0 || (layout.attentionDp() > 1 && !moeDp))) {
            return new PointPlan.Skip(name + ": expert parallelism over " + layout.moeEp() + " GPUs with attention tp "
                    + layout.tp() + " x dp " + layout.attentionDp() + " not modelled");
        }
        // Planned with the experts split by TP (EP is put back by expertParallel), DP attention as TP.
        Deployment.ParallelLayout asAggregated = moeDp
                ? new Deployment.ParallelLayout(gpus, layout.pp(), 1, gpus, 1)
                : new Deployment.ParallelLayout(layout.tp(), layout.pp(), layout.attentionDp(),
                        layout.moeEp() > 1 ? layout.tp() : layout.moeTp(), 1);
        MeasuredPoint point = new MeasuredPoint(p.id(), p.line(), new Deployment(d.system(), d.backend(),
                d.backendVersion(), d.model(), d.precision(), d.gemmQuant(), d.moeQuant(), "agg", asAggregated),
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

    /** The side's worker, its experts spread over its GPUs when the layout says so. */
    private static ServerSpec expertParallel(PointPlan.Simulate plan, Deployment.ParallelLayout layout) {
        ServerSpec.Llm s = plan.plan().server();
        return layout.moeEp() > 1 ? new ServerSpec.Llm(s.memory(), s.maxModelLen(), s.batching(), s.performance(),
                s.engine(), layout.moeEp()) : s;
    }

    private static KvLinkSpec link(String system, ServerSpec.Llm prefill, int prefillWorkers, ServerSpec.Llm decode,
                                   int decodeWorkers) {
        int gpus = prefill.gpusPerReplica() * prefillWorkers + decode.gpusPerReplica() * decodeWorkers;
        return NVL72.contains(system) || gpus <= NODE_GPUS ? KvLinkSpec.nvlinkOf(prefill.memory().gpu())
                : KvLinkSpec.infiniband();
    }
}
