package io.fleetsim.validation;

/** What fleetsim makes of a measured point: a deployment to simulate, or why it cannot. */
public sealed interface PointPlan permits PointPlan.Simulate, PointPlan.Skip {

    /**
     * The point is simulated as {@code plan}.
     *
     * @param plan the simulated deployment
     */
    record Simulate(DeploymentPlan plan) implements PointPlan {
    }

    /**
     * The point cannot be expressed.
     *
     * @param reason why, in a few words (written after {@code skipped: })
     */
    record Skip(String reason) implements PointPlan {
    }
}
