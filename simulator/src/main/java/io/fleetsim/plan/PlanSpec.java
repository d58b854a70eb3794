package io.fleetsim.plan;

import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.OptimizeOptions;
import io.fleetsim.sweep.ScenarioText;
import java.util.List;

/**
 * What {@code plan} answers.
 *
 * @param scenario       the scenario: its routes, SLOs, pools and prices
 * @param horizonSeconds horizon overriding the file's, or null
 * @param seed           root seed of the replications, or null for the scenario's
 * @param volumes        tokens per 30-day month, ascending
 * @param shape          how the traffic is reshaped before it is scaled
 * @param strategies     the strategies asked for, or empty for every one the scenario's pools allow
 * @param constraints    what a strategy must meet (SLO attainment, with confidence)
 * @param search         how each strategy's sizes are searched
 */
public record PlanSpec(ScenarioText scenario, Double horizonSeconds, Long seed, List<Double> volumes,
                       TrafficShape shape, List<PlanStrategy> strategies, List<Constraint> constraints,
                       OptimizeOptions search) {

    public PlanSpec {
        volumes = List.copyOf(volumes);
        strategies = List.copyOf(strategies);
        constraints = List.copyOf(constraints);
    }
}
