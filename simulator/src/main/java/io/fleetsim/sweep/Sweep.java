package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The full sweep: every configuration of the grid, each with the same number of replications,
 * all run in parallel; results come back in grid order.
 */
public final class Sweep {

    private Sweep() {
    }

    /** Runs {@code replications} replications of every configuration of {@code spec}, as one batch. */
    public static SweepResult run(SweepSpec spec, int replications, UnitExecutor executor, BatchProgress progress)
            throws InterruptedException {
        List<Configuration> configurations = spec.grid().configurations();
        List<WorkUnit> units = new ArrayList<>();
        for (Configuration c : configurations) {
            units.addAll(spec.units(c, 0, replications));
        }
        List<PointResult> results = executor.run(units, progress);
        List<PointSummary> points = new ArrayList<>();
        for (int c = 0; c < configurations.size(); c++) {
            points.add(spec.summarize(configurations.get(c),
                    results.subList(c * replications, (c + 1) * replications)));
        }
        return new SweepResult(spec, points);
    }
}
