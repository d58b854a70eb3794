package io.fleetsim.sweep;

import java.util.List;

/**
 * What {@link Optimizer} found.
 *
 * @param spec      what was searched
 * @param objective the metric made best
 * @param best      the best configuration meeting the constraints with 95% confidence; if none
 *                  does, the best marginal one (its verdict says which); null when every
 *                  evaluated configuration misses
 * @param runnerUps the next candidates by objective, best first: other strategies' best
 *                  configurations and cheaper marginal ones
 * @param evaluated every configuration simulated, in grid order
 * @param stats     how much work the search did
 */
public record OptimizeResult(SweepSpec spec, Metric objective, PointSummary best, List<PointSummary> runnerUps,
                             List<PointSummary> evaluated, SearchStats stats) {

    public OptimizeResult {
        runnerUps = List.copyOf(runnerUps);
        evaluated = List.copyOf(evaluated);
    }
}
