package io.fleetsim.report;

import io.fleetsim.run.PoolResult;

/**
 * An estimate of how a pool's bill divides into busy and idle capacity, made from its utilization
 * alone (busy = cost x utilization). It is labelled an estimate wherever it is shown: a replica
 * counts as busy when it serves at least one request, however full its batch is.
 *
 * @param pool    pool name
 * @param busyUsd money paid for replica time with a request in service
 * @param idleUsd money paid for replica time with none
 */
public record PoolCostSplit(String pool, double busyUsd, double idleUsd) {

    /** The split of {@code pool}'s cost by its utilization. */
    public static PoolCostSplit of(PoolResult pool) {
        double u = Double.isFinite(pool.utilization()) ? Math.max(0, Math.min(1, pool.utilization())) : 0;
        return new PoolCostSplit(pool.name(), pool.costUsd() * u, pool.costUsd() * (1 - u));
    }
}
