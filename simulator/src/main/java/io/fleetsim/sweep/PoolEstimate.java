package io.fleetsim.sweep;

/**
 * One pool's spend over the replications of a configuration.
 *
 * @param name     pool name
 * @param kind     how it is bought
 * @param costUsd  money paid
 * @param gpuHours GPU-hours paid for
 * @param split    its prefill and decode sides when every replication recorded them (a
 *                 disaggregated pool), else null
 */
public record PoolEstimate(String name, String kind, Estimate costUsd, Estimate gpuHours, SplitEstimate split) {
}
