package io.fleetsim.sweep;

import java.util.List;

/**
 * Every configuration of a sweep, summarized, in grid order.
 *
 * @param spec   what was swept
 * @param points one per configuration
 */
public record SweepResult(SweepSpec spec, List<PointSummary> points) {

    public SweepResult {
        points = List.copyOf(points);
    }

    /** Indices of the points on the Pareto front of total cost against SLO attainment. */
    public List<Integer> paretoFront() {
        return ParetoFront.of(points, Metric.TOTAL_COST_USD, Metric.SLO_ATTAINMENT);
    }
}
