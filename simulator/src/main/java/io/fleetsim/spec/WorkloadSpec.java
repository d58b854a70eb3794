package io.fleetsim.spec;

import java.util.List;

/**
 * The traffic: one arrival process whose requests are split among routes by their shares.
 *
 * @param arrivals when requests arrive
 * @param routes   the product features requests belong to, with their lengths and SLOs
 * @param tenants  the customers requests belong to (empty: one anonymous tenant)
 */
public record WorkloadSpec(ArrivalSpec arrivals, List<RouteSpec> routes, List<TenantSpec> tenants) {

    public WorkloadSpec {
        routes = List.copyOf(routes);
        tenants = List.copyOf(tenants);
    }

    /** A workload with no tenants. */
    public WorkloadSpec(ArrivalSpec arrivals, List<RouteSpec> routes) {
        this(arrivals, routes, List.of());
    }
}
