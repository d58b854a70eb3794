package io.fleetsim.validation;

/**
 * A measured disaggregated point with the xPyD deployment it is simulated as.
 *
 * @param point the measurement
 * @param plan  its simulated deployment
 */
public record DisaggregatedPoint(MeasuredPoint point, DisaggregatedPlan plan) {
}
