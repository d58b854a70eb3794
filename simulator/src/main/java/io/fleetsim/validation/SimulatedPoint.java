package io.fleetsim.validation;

/**
 * A measured point with the deployment it is simulated as.
 *
 * @param point the measurement
 * @param plan  its simulated deployment
 */
public record SimulatedPoint(MeasuredPoint point, DeploymentPlan plan) {
}
