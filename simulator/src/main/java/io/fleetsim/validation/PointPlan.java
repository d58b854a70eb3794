package io.fleetsim.validation;

/** What fleetsim makes of a measured point: a deployment to simulate, or why it cannot. */
public sealed interface PointPlan permits PointPlan.Simulate, PointPlan.SimulateDisaggregated, PointPlan.Skip {

    /**
     * The point is simulated as {@code plan}.
     *
     * @param plan           the simulated deployment
     * @param parametersFrom where its step-time parameters come from (a profile's name, or
     *                       {@link ParameterSource#UNCALIBRATED})
     */
    record Simulate(DeploymentPlan plan, String parametersFrom) implements PointPlan {
    }

    /**
     * The point is a disaggregated deployment, simulated as {@code plan}.
     *
     * @param plan           the simulated deployment
     * @param parametersFrom where its step-time parameters come from (the prefill side's)
     */
    record SimulateDisaggregated(DisaggregatedPlan plan, String parametersFrom) implements PointPlan {
    }

    /**
     * The point cannot be expressed.
     *
     * @param reason why, in a few words (written after {@code skipped: })
     */
    record Skip(String reason) implements PointPlan {
    }
}
