package io.fleetsim.spec;

/**
 * A group of identical replicas bought the same way (or a hosted API).
 *
 * @param name          pool name
 * @param kind          how the capacity is bought
 * @param replicas      replicas at the start
 * @param usdPerGpuHour price of one GPU for one hour
 * @param server        what one replica is
 * @param capacity      how replicas come and go and are billed
 * @param maxQueue      most requests waiting in the pool's queue before new ones are refused
 *                      ({@link #DEFAULT_MAX_QUEUE} unless the scenario says)
 *                      (admission control); {@link Integer#MAX_VALUE} for no limit
 * @param priceSource   where {@code usdPerGpuHour} comes from
 * @param balancing     how requests are spread over the replicas
 * @param abortOnDisconnect whether a replica stops generating for a client that left mid-stream
 *                      (vLLM aborts the request; false keeps generating to the end)
 * @param ownership     the purchase, power and colocation of an owned pool; null for rented capacity
 *                      (then {@code usdPerGpuHour} is the rent)
 * @param commitment    the commitment terms of a reserved pool, or null
 * @param failures      GPU and node failures of its replicas, or null for none
 * @param disruptions   its zone outages, rolling deploys and N+k headroom (with headroom,
 *                      {@code replicas} counts the spares too)
 */
public record PoolSpec(String name, PoolKind kind, int replicas, double usdPerGpuHour, ServerSpec server,
                       CapacitySpec capacity, int maxQueue, String priceSource, BalancingPolicy balancing,
                       boolean abortOnDisconnect, OwnershipSpec ownership, CommitmentSpec commitment,
                       FailureSpec failures, DisruptionsSpec disruptions) {

    /** A pool without zone outages, deploys or headroom. */
    public PoolSpec(String name, PoolKind kind, int replicas, double usdPerGpuHour, ServerSpec server,
                    CapacitySpec capacity, int maxQueue, String priceSource, BalancingPolicy balancing,
                    boolean abortOnDisconnect, OwnershipSpec ownership, CommitmentSpec commitment,
                    FailureSpec failures) {
        this(name, kind, replicas, usdPerGpuHour, server, capacity, maxQueue, priceSource, balancing,
                abortOnDisconnect, ownership, commitment, failures, DisruptionsSpec.NONE);
    }

    /** A pool whose replicas never fail. */
    public PoolSpec(String name, PoolKind kind, int replicas, double usdPerGpuHour, ServerSpec server,
                    CapacitySpec capacity, int maxQueue, String priceSource, BalancingPolicy balancing,
                    boolean abortOnDisconnect, OwnershipSpec ownership, CommitmentSpec commitment) {
        this(name, kind, replicas, usdPerGpuHour, server, capacity, maxQueue, priceSource, balancing,
                abortOnDisconnect, ownership, commitment, null);
    }

    /** A rented pool that aborts requests whose client left. */
    public PoolSpec(String name, PoolKind kind, int replicas, double usdPerGpuHour, ServerSpec server,
                    CapacitySpec capacity, int maxQueue, String priceSource, BalancingPolicy balancing) {
        this(name, kind, replicas, usdPerGpuHour, server, capacity, maxQueue, priceSource, balancing, true, null,
                null);
    }

    /**
     * The queue limit of a pool whose scenario gives none: enough for any burst a fleet recovers
     * from, and a bound on memory (a queued request is a few hundred bytes) when traffic exceeds
     * capacity for good. Requests refused by it are rejected as {@code queue_full}.
     */
    public static final int DEFAULT_MAX_QUEUE = 100_000;

    /** A fixed pool behind one queue, with the default queue limit, whose price comes from the scenario. */
    public PoolSpec(String name, PoolKind kind, int replicas, double usdPerGpuHour, ServerSpec server) {
        this(name, kind, replicas, usdPerGpuHour, server, CapacitySpec.FIXED, DEFAULT_MAX_QUEUE, "scenario",
                BalancingPolicy.CENTRAL_QUEUE);
    }

    /** True when the pool's servers are bought rather than rented. */
    public boolean owned() {
        return ownership != null;
    }

    /** GPUs in the whole pool. */
    public int gpus() {
        return replicas * server.gpusPerReplica();
    }
}
