package io.fleetsim.sweep;

import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.spec.PoolKind;
import java.util.List;

/**
 * The figures a sweep keeps of one run: enough to compare fleets, small enough to keep one line
 * per run in the results file.
 *
 * @param costPerUsefulMtokUsd total cost per million useful tokens (NaN when none)
 * @param sloAttainment        within-SLO share of requests that reached an outcome
 * @param ttftP99Ms            99th percentile time to first token
 * @param tpotP99Ms            99th percentile time per output token
 * @param totalCostUsd         everything paid over the horizon
 * @param reservedShare        share of paid GPU-hours that are reserved (NaN when no GPU-hours)
 * @param pools                per pool, in scenario order
 * @param arrivedTokens        prompt plus output tokens of every request that arrived: the most useful
 *                             tokens any fleet could deliver on this traffic (0 when not recorded)
 */
public record PointMetrics(double costPerUsefulMtokUsd, double sloAttainment, double ttftP99Ms, double tpotP99Ms,
                           double totalCostUsd, double reservedShare, List<PoolSpend> pools,
                           double arrivedTokens) {

    public PointMetrics {
        pools = List.copyOf(pools);
    }

    /** The figures of {@code run}. */
    public static PointMetrics of(RunResult run) {
        double reservedGpuHours = 0;
        double gpuHours = 0;
        List<PoolSpend> pools = run.pools().stream()
                .map(p -> new PoolSpend(p.name(), p.kind().id(), p.gpuHours(), p.costUsd(), p.batchOccupancy(),
                        p.disaggregation() == null ? null : SplitFigures.of(p.replicas(), p.disaggregation()))).toList();
        for (PoolResult p : run.pools()) {
            gpuHours += p.gpuHours();
            reservedGpuHours += p.kind() == PoolKind.RESERVED ? p.gpuHours() : 0;
        }
        return new PointMetrics(run.costPerUsefulMtokUsd(), run.sloAttainment(), run.latency().ttft().p99Ms(),
                run.latency().tpot().p99Ms(), run.costUsd(), gpuHours > 0 ? reservedGpuHours / gpuHours : Double.NaN,
                pools, run.arrivedTokens());
    }
}
