package io.fleetsim.cli;

import io.fleetsim.run.RunResult;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.sweep.ReplicaCapacity;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.ScenarioVariant;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacity a run report draws against arrivals: for each GPU pool, what one replica completes
 * per second when overloaded, measured by {@link ReplicaCapacity}'s pilot runs on the scenario's
 * request mix, starting at twice the rate the whole fleet saw (so that one replica is usually
 * overloaded at the first pilot). A pool the pilots cannot measure is left out.
 */
final class CapacityPilots {

    private CapacityPilots() {
    }

    /** Requests per second per replica, by GPU pool of {@code run}'s scenario {@code file}. */
    static Map<String, Double> measure(Path file, ScenarioSpec spec, RunResult run) {
        Map<String, Double> out = new LinkedHashMap<>();
        double rate = 2 * run.requests().arrived() / run.simulatedSeconds();
        if (!(rate > 0)) {
            return out;
        }
        ScenarioVariant variant = ScenarioVariant.of(ScenarioText.read(file));
        for (PoolSpec pool : spec.pools()) {
            if (pool.kind() != PoolKind.API) {
                double perReplica = ReplicaCapacity.perSecond(variant, spec, pool, rate);
                if (perReplica > 0) {
                    out.put(pool.name(), perReplica);
                }
            }
        }
        return out;
    }
}
