package io.fleetsim.sweep;

import io.fleetsim.run.ProgressListener;
import io.fleetsim.run.Simulation;
import io.fleetsim.spec.ScenarioSpec;
import java.util.List;

/**
 * The unit of work of a sweep: one configuration of a scenario, one replication. A pure function
 * of its fields (scenario text, settings, seed, horizon) to a {@link PointResult}, and it travels
 * as JSON ({@link SweepJson}), so the same unit can run on another thread, process or machine.
 *
 * @param scenario       the scenario file
 * @param horizonSeconds horizon overriding the file's, or null
 * @param settings       the configuration's edits of the scenario
 * @param replication    replication number, from 0
 * @param seed           the seed to run with ({@link ReplicationSeeds})
 */
public record WorkUnit(ScenarioText scenario, Double horizonSeconds, List<Setting> settings, int replication,
                       long seed) {

    public WorkUnit {
        settings = List.copyOf(settings);
    }

    /** What identifies this unit's result. */
    public PointKey key() {
        return new PointKey(Configuration.keyOf(settings), replication, seed, scenarioHash());
    }

    /**
     * Hash of the scenario text, the horizon override and the contents of the data files this
     * unit's variant names: a result is reused only for the same.
     */
    public String scenarioHash() {
        String data = DataFileDigest.of(scenario, settings);
        return scenario.hash((horizonSeconds == null ? "" : "horizon=" + horizonSeconds)
                + (data.isEmpty() ? "" : "\0data:" + data));
    }

    /** Parses, validates and simulates this unit. */
    public PointResult run() {
        return run(ScenarioVariant.of(scenario), ProgressListener.NONE);
    }

    /** Simulates this unit on {@code variant}, an already parsed copy of its scenario. */
    public PointResult run(ScenarioVariant variant, ProgressListener progress) {
        ScenarioSpec spec = variant.bind(settings).withSeed(seed);
        if (horizonSeconds != null) {
            spec = spec.withHorizon(horizonSeconds);
        }
        return new PointResult(key(), settings, PointMetrics.of(Simulation.run(spec, progress)));
    }
}
