package io.fleetsim.sweep;

import io.fleetsim.run.DisaggregationResult;

/**
 * What a sweep keeps of a disaggregated pool's two sides in one run: why one prefill/decode split
 * beats another (the busy side, the KV transfer time).
 *
 * @param deployments        the pool's deployments (its replicas)
 * @param prefillWorkers     prefill workers per deployment
 * @param decodeWorkers      decode workers per deployment
 * @param prefillUtilization share of the prefill side's serving time it was busy
 * @param decodeUtilization  share of the decode side's serving time it was busy
 * @param prefillOccupancy   share of the prefill side's batch slots in use over its serving time
 * @param decodeOccupancy    share of the decode side's batch slots in use (continuous batching keeps
 *                           a decode worker busy with one sequence: this says how full it is)
 * @param kvTransferP50Ms    median time from a prompt's prefill end to its KV's arrival
 * @param kvTransferP90Ms    its 90th percentile
 */
public record SplitFigures(int deployments, int prefillWorkers, int decodeWorkers, double prefillUtilization,
                           double decodeUtilization, double prefillOccupancy, double decodeOccupancy,
                           double kvTransferP50Ms, double kvTransferP90Ms) {

    /** The figures of {@code d}, a pool of {@code deployments}. */
    public static SplitFigures of(int deployments, DisaggregationResult d) {
        return new SplitFigures(deployments, d.prefillWorkers(), d.decodeWorkers(), d.use().prefillUtilization(),
                d.use().decodeUtilization(), d.use().prefillOccupancy(), d.use().decodeOccupancy(), d.transferTimes().p50Ms(), d.transferTimes().percentileMs(90));
    }
}
