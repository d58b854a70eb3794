package io.fleetsim.report;

import io.fleetsim.run.RunResult;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.SloSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a report is rendered from: the result of a run and the scenario it ran (after any seed or
 * horizon override), which holds what the result does not, such as each route's SLO targets.
 *
 * @param scenario        the scenario as run
 * @param result          what the run measured
 * @param replicaCapacity requests per second one replica of each GPU pool completes when
 *                        overloaded ({@link io.fleetsim.sweep.ReplicaCapacity}), by pool name;
 *                        empty when not measured
 */
public record RunReport(ScenarioSpec scenario, RunResult result, Map<String, Double> replicaCapacity) {

    public RunReport {
        // in the given (pool) order: reports list them
        replicaCapacity = Collections.unmodifiableMap(new LinkedHashMap<>(replicaCapacity));
    }

    /** A report without capacity measurements. */
    public RunReport(ScenarioSpec scenario, RunResult result) {
        this(scenario, result, Map.of());
    }

    /** The SLO targets of the route named {@code route}, if the scenario has such a route. */
    public Optional<SloSpec> slo(String route) {
        return scenario.workload().routes().stream().filter(r -> r.name().equals(route)).map(RouteSpec::slo)
                .findFirst();
    }
}
