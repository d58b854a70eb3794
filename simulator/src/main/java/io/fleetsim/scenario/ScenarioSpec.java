package io.fleetsim.scenario;

import java.util.List;

/**
 * A whole scenario as validated from its file: what traffic arrives, which pools serve it, for how
 * long and with which seed. Immutable; built only by {@link ScenarioLoader}.
 *
 * @param name           scenario name shown in reports
 * @param seed           root of every random stream
 * @param horizonSeconds simulated duration; arrivals stop and the run is cut at this time
 * @param workload       the traffic
 * @param pools          the serving capacity, in file order
 */
public record ScenarioSpec(String name, long seed, double horizonSeconds, WorkloadSpec workload,
                           List<PoolSpec> pools) {

    public ScenarioSpec {
        pools = List.copyOf(pools);
    }

    /** The same scenario with another seed. */
    public ScenarioSpec withSeed(long newSeed) {
        return new ScenarioSpec(name, newSeed, horizonSeconds, workload, pools);
    }

    /** The same scenario with another horizon. */
    public ScenarioSpec withHorizon(double newHorizonSeconds) {
        return new ScenarioSpec(name, seed, newHorizonSeconds, workload, pools);
    }
}
