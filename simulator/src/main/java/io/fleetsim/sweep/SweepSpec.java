package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep or an optimization runs: a scenario, the configurations to try and the constraints
 * they are judged against. Replication i of every configuration runs with the same seed, derived
 * from {@code seed} ({@link ReplicationSeeds}).
 *
 * @param scenario       the scenario file
 * @param horizonSeconds horizon overriding the file's, or null
 * @param seed           root of the replications' seeds (the scenario's seed unless overridden)
 * @param grid           the configurations
 * @param constraints    requirements every configuration is judged against (may be empty)
 */
public record SweepSpec(ScenarioText scenario, Double horizonSeconds, long seed, Grid grid,
                        List<Constraint> constraints) {

    public SweepSpec {
        constraints = List.copyOf(constraints);
    }

    /**
     * The spec for {@code scenario}, after checking that every configuration of {@code grid} is a
     * valid scenario: a bad value stops the sweep before anything runs, with the file, line, field
     * and {@code --vary} named ({@link io.fleetsim.input.ScenarioException}).
     *
     * @param seed the root seed, or null for the scenario's own
     */
    public static SweepSpec validated(ScenarioText scenario, Double horizonSeconds, Long seed, Grid grid,
                                      List<Constraint> constraints) {
        for (Dimension d : grid.dimensions()) {
            if (d.path().equals("seed")) {
                throw new SweepInputException(SweepInput.VARIATION, "seed", "replications take their seeds from the "
                        + "scenario's seed; use ", SweepInput.REPLICATIONS, " (and ", SweepInput.SEED,
                        " to change the root)");
            }
        }
        ScenarioVariant variant = ScenarioVariant.of(scenario);
        long root = seed != null ? seed : variant.base().seed();
        for (Configuration c : grid.configurations()) {
            variant.bind(c.settings());
        }
        return new SweepSpec(scenario, horizonSeconds, root, grid, constraints);
    }

    /** The units of replications {@code from} (inclusive) to {@code to} (exclusive) of {@code configuration}. */
    public List<WorkUnit> units(Configuration configuration, int from, int to) {
        List<WorkUnit> out = new ArrayList<>();
        for (int r = from; r < to; r++) {
            out.add(new WorkUnit(scenario, horizonSeconds, configuration.settings(), r, ReplicationSeeds.seed(seed, r)));
        }
        return out;
    }

    /** A summary of {@code results} of {@code configuration} against this spec's constraints. */
    public PointSummary summarize(Configuration configuration, List<PointResult> results) {
        return PointSummary.of(configuration, results, constraints);
    }
}
