package io.fleetsim.spec;

/**
 * How replicas come and go and how they are billed.
 *
 * @param provisionSeconds   from request to a running machine (paid, not serving)
 * @param modelLoadSeconds   from a running machine to a serving model (paid, not serving)
 * @param billingSeconds     billing granularity: each replica's paid time is rounded up to it
 * @param scaling            autoscaling, or null for a fixed replica count
 * @param spot               preemption behaviour, or null for capacity that is never taken back
 */
public record CapacitySpec(double provisionSeconds, double modelLoadSeconds, double billingSeconds,
                           ScalingSpec scaling, SpotSpec spot) {

    /** Fixed capacity, present from the start, billed by the second. */
    public static final CapacitySpec FIXED = new CapacitySpec(0, 0, 1, null, null);

    /** Time from asking for a replica to its serving: provisioning plus model loading. */
    public double coldStartSeconds() {
        return provisionSeconds + modelLoadSeconds;
    }
}
