package io.fleetsim.scenario;

import java.util.List;

/**
 * The traffic: one arrival process whose requests are split among routes by their shares.
 *
 * @param arrivals when requests arrive
 * @param routes   the product features requests belong to, with their lengths and SLOs
 */
public record WorkloadSpec(ArrivalSpec arrivals, List<RouteSpec> routes) {

    public WorkloadSpec {
        routes = List.copyOf(routes);
    }
}
