package io.fleetsim.spec;

import io.fleetsim.scenario.ScenarioLoader;
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
 * @param economics      overheads, fixed costs and the API reference price
 */
public record ScenarioSpec(String name, long seed, double horizonSeconds, WorkloadSpec workload,
                           List<PoolSpec> pools, EconomicsSpec economics) {

    public ScenarioSpec {
        pools = List.copyOf(pools);
    }

    /** A scenario with no overheads or fixed costs. */
    public ScenarioSpec(String name, long seed, double horizonSeconds, WorkloadSpec workload, List<PoolSpec> pools) {
        this(name, seed, horizonSeconds, workload, pools, EconomicsSpec.NONE);
    }

    /** The same scenario with another seed. */
    public ScenarioSpec withSeed(long newSeed) {
        return new ScenarioSpec(name, newSeed, horizonSeconds, workload, pools, economics);
    }

    /** The same scenario with another horizon. */
    public ScenarioSpec withHorizon(double newHorizonSeconds) {
        return new ScenarioSpec(name, seed, newHorizonSeconds, workload, pools, economics);
    }
}
