package io.fleetsim.cost;

import io.fleetsim.spec.HeadroomSpec;

/**
 * What a pool's N+k headroom cost: its k spare replicas' share k / (N + k) of the GPU-hours and
 * money the pool paid. For a fixed pool that nothing took down this is k x GPUs per replica x
 * price x hours; when replicas were down the spares bear their share of what was still paid.
 *
 * @param policy         how the scenario asked for it, e.g. {@code N+1}
 * @param neededReplicas N
 * @param spareReplicas  k
 * @param spareGpuHours  the spares' GPU-hours
 * @param costUsd        the spares' money (within the pool's cost, not on top of it)
 */
public record HeadroomCost(String policy, int neededReplicas, int spareReplicas, double spareGpuHours,
                           double costUsd) {

    /** The headroom cost of a pool that paid {@code paidGpuHours} and {@code poolUsd}; null without headroom. */
    public static HeadroomCost of(HeadroomSpec spec, double paidGpuHours, double poolUsd) {
        if (spec == null) {
            return null;
        }
        double share = spec.replicas() == 0 ? 0 : (double) spec.spareReplicas() / spec.replicas();
        return new HeadroomCost(spec.policy(), spec.neededReplicas(), spec.spareReplicas(), paidGpuHours * share,
                poolUsd * share);
    }
}
