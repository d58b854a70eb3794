package io.fleetsim.cost;

/**
 * Energy a GPU pool drew: each GPU at its busy power (at the pool's mean batch while busy) for its
 * busy time and at its idle power for the rest of its paid time (starting, idle, draining), times
 * the facility's PUE. {@code energy = power x time x PUE}.
 *
 * @param kwh        energy at the meter, kWh
 * @param busyWatts  power per GPU while busy
 * @param idleWatts  power per GPU otherwise
 * @param pue        power usage effectiveness applied (1 for rented capacity: the facility is the provider's)
 * @param source     where the power figures come from
 */
public record PoolEnergy(double kwh, double busyWatts, double idleWatts, double pue, String source) {

    /**
     * @param gpusPerReplica     GPUs per replica
     * @param busyReplicaSeconds replica-seconds with a request in service
     * @param paidReplicaSeconds replica-seconds paid for (busy included)
     * @param busyWatts          power per GPU while busy
     * @param idleWatts          power per GPU otherwise
     * @param pue                facility overhead
     * @param source             where the power comes from
     */
    public static PoolEnergy of(int gpusPerReplica, double busyReplicaSeconds, double paidReplicaSeconds,
                                double busyWatts, double idleWatts, double pue, String source) {
        double idleSeconds = Math.max(0, paidReplicaSeconds - busyReplicaSeconds);
        double joules = gpusPerReplica * (busyReplicaSeconds * busyWatts + idleSeconds * idleWatts) * pue;
        return new PoolEnergy(joules / 3.6e6, busyWatts, idleWatts, pue, source);
    }

    /** Joules at the meter. */
    public double joules() {
        return kwh * 3.6e6;
    }
}
