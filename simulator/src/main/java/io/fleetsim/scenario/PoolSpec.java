package io.fleetsim.scenario;

/**
 * A group of identical replicas bought the same way.
 *
 * @param name          pool name
 * @param kind          how the capacity is bought
 * @param replicas      number of replicas
 * @param usdPerGpuHour price of one GPU for one hour
 * @param server        what one replica is
 */
public record PoolSpec(String name, PoolKind kind, int replicas, double usdPerGpuHour, ServerSpec server) {

    /** GPUs in the whole pool. */
    public int gpus() {
        return replicas * server.gpusPerReplica();
    }
}
