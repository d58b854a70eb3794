package io.fleetsim.fleet;

/**
 * How busy the two sides of a disaggregated pool were.
 *
 * @param prefillUtilization share of the prefill workers' serving time with a request in service
 * @param prefillOccupancy   share of the prefill workers' request slots in use over that time
 * @param decodeUtilization  the same for the decode workers
 * @param decodeOccupancy    the same for the decode workers
 */
public record DisaggregatedUse(double prefillUtilization, double prefillOccupancy, double decodeUtilization,
                               double decodeOccupancy) {
}
