package io.fleetsim.report;

import io.fleetsim.run.RunResult;
import io.fleetsim.scenario.RouteSpec;
import io.fleetsim.scenario.ScenarioSpec;
import io.fleetsim.scenario.SloSpec;
import java.util.Optional;

/**
 * What a report is rendered from: the result of a run and the scenario it ran (after any seed or
 * horizon override), which holds what the result does not, such as each route's SLO targets.
 *
 * @param scenario the scenario as run
 * @param result   what the run measured
 */
public record RunReport(ScenarioSpec scenario, RunResult result) {

    /** The SLO targets of the route named {@code route}, if the scenario has such a route. */
    public Optional<SloSpec> slo(String route) {
        return scenario.workload().routes().stream().filter(r -> r.name().equals(route)).map(RouteSpec::slo)
                .findFirst();
    }
}
