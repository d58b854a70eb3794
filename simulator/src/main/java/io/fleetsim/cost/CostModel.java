package io.fleetsim.cost;

import io.fleetsim.scenario.PoolSpec;

/**
 * Turns capacity into money. Reserved capacity is paid for every hour of the horizon whether it is
 * busy or idle: GPU-hours = replicas x GPUs per replica x hours, cost = GPU-hours x price.
 */
public final class CostModel {

    private CostModel() {
    }

    /** The bill of {@code pool} over {@code horizonSeconds}. */
    public static PoolBill bill(PoolSpec pool, double horizonSeconds) {
        double gpuHours = pool.gpus() * horizonSeconds / 3600.0;
        return new PoolBill(gpuHours, gpuHours * pool.usdPerGpuHour());
    }

    /** Dollars per million tokens; NaN when there are no tokens to spread the cost over. */
    public static double perMillionTokens(double usd, long tokens) {
        return tokens == 0 ? Double.NaN : usd / (tokens / 1e6);
    }
}
