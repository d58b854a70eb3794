package io.fleetsim.run;

/**
 * One pool's share of a run.
 *
 * @param name                 pool name
 * @param kind                 how it is bought ({@code reserved}, ...)
 * @param replicas             replicas
 * @param gpus                 GPUs across its replicas
 * @param gpuHours             GPU-hours paid for
 * @param usdPerGpuHour        price used
 * @param utilization          mean share of replica time with a request in service
 * @param costUsd              money paid
 * @param usefulTokens         useful tokens of the requests it completed
 * @param costPerUsefulMtokUsd cost over its useful tokens, per million (NaN when none)
 */
public record PoolResult(String name, String kind, int replicas, int gpus, double gpuHours, double usdPerGpuHour,
                         double utilization, double costUsd, long usefulTokens, double costPerUsefulMtokUsd) {
}
