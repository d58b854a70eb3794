package io.fleetsim.cost;

/**
 * What one pool cost over the horizon.
 *
 * @param gpuHours GPUs times hours paid for
 * @param usd      money paid
 */
public record PoolBill(double gpuHours, double usd) {
}
