package io.fleetsim.sweep;

/**
 * What one pool cost in one run.
 *
 * @param name     pool name
 * @param kind     {@code reserved}, {@code on-demand}, {@code spot} or {@code api}
 * @param gpuHours GPU-hours paid for
 * @param costUsd  money paid
 * @param batchOccupancy share of batch slots in use over serving time (NaN for an API pool)
 */
public record PoolSpend(String name, String kind, double gpuHours, double costUsd, double batchOccupancy) {
}
