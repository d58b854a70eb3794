package io.fleetsim.plan;

import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.OptimizeResult;
import io.fleetsim.sweep.PointResult;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.PoolEstimate;
import io.fleetsim.sweep.PoolSpend;
import io.fleetsim.sweep.Setting;
import io.fleetsim.sweep.Verdict;
import java.util.List;

/**
 * One strategy at one monthly volume: the cheapest sizing the optimizer found, or why the
 * strategy was not tried.
 *
 * @param volume     tokens per month
 * @param ratePerS   the arrival rate that carries that volume
 * @param strategy   the strategy
 * @param result     the optimizer's answer, or null when not tried
 * @param skipped    why not tried, or null
 * @param atRangeTop true when the best sizing is the largest searched: more might be cheaper
 */
public record PlanRow(double volume, double ratePerS, PlanStrategy strategy, OptimizeResult result, String skipped,
                      boolean atRangeTop) {

    /** The best sizing found (meeting the constraints, or the best marginal one), or null. */
    public PointSummary best() {
        return result == null ? null : result.best();
    }

    /** True when the best sizing meets the constraints with confidence. */
    public boolean meets() {
        return best() != null && best().verdict() == Verdict.MET;
    }

    /** True when the best sizing runs GPU replicas (a reserved + API strategy sized at 0 replicas is all-API). */
    public boolean selfHosted() {
        return pools().stream().anyMatch(p -> !p.kind().equals("api") && p.gpuHours().mean() > 0);
    }

    /** Cost per useful 1M tokens of the best sizing (NaN when none). */
    public Estimate costPerUsefulMtok() {
        return best() == null ? new Estimate(Double.NaN, Double.NaN, 0) : best().estimate(Metric.COST_PER_USEFUL_MTOK);
    }

    /** Batch occupancy of the best sizing's GPU pools, weighted by their GPU-hours (NaN for all-API). */
    public double batchOccupancy() {
        PointSummary b = best();
        if (b == null) {
            return Double.NaN;
        }
        double weighted = 0;
        double hours = 0;
        for (PointResult r : b.replications()) {
            for (PoolSpend p : r.metrics().pools()) {
                if (p.gpuHours() > 0 && !Double.isNaN(p.batchOccupancy())) {
                    weighted += p.batchOccupancy() * p.gpuHours();
                    hours += p.gpuHours();
                }
            }
        }
        return hours > 0 ? weighted / hours : Double.NaN;
    }

    /**
     * The replica counts searched in the best sizing, e.g. {@code reserved.replicas=3
     * spot.replicas=2} ({@code api} when no GPU pool serves; empty when there is no best).
     */
    public String sizing() {
        if (best() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Setting s : best().configuration().settings()) {
            boolean searched = s.path().endsWith(".max_replicas") || (s.path().endsWith(".replicas")
                    && best().configuration().valueOf(s.path().replace(".replicas", ".max_replicas")) == null);
            if (searched && result.spec().grid().dimensions().stream()
                    .anyMatch(d -> d.path().equals(s.path()) && d.values().size() > 1)) {
                out.append(out.length() == 0 ? "" : " ").append(s.path().replace("pools[", "").replace("]", ""))
                        .append('=').append(s.value());
            }
        }
        return out.length() == 0 ? "api" : out.toString();
    }

    /** Spend by pool of the best sizing (empty when none). */
    public List<PoolEstimate> pools() {
        return best() == null ? List.of() : best().pools();
    }
}
