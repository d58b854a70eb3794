package io.fleetsim.run;

import io.fleetsim.fleet.DisaggregatedUse;
import io.fleetsim.metrics.LatencySummary;

/**
 * The two sides of a disaggregated pool in a run and the KV traffic between them.
 *
 * @param prefillWorkers        prefill workers per deployment
 * @param prefillGpus           GPUs of one prefill worker
 * @param decodeWorkers         decode workers per deployment
 * @param decodeGpus            GPUs of one decode worker
 * @param link                  the link's kind, {@code nvlink} or {@code infiniband}
 * @param linkGbpsPerGpu        its bandwidth per GPU, one direction, in Gb/s
 * @param linkLatencyUs         its fixed time per transfer in microseconds
 * @param linkSource            where those figures come from
 * @param use                   utilisation and batch occupancy of each side
 * @param transfers             KV transfers completed (one per request moved to the decode side)
 * @param transferBytes         bytes of KV they moved
 * @param transferTimes         time from the end of a prompt's prefill to its KV's arrival
 * @param handoff               each request's wait from its KV's arrival to the decode side taking
 *                              it over, and where the figure comes from
 */
public record DisaggregationResult(int prefillWorkers, int prefillGpus, int decodeWorkers, int decodeGpus,
                                   String link, double linkGbpsPerGpu, double linkLatencyUs, String linkSource,
                                   DisaggregatedUse use, long transfers, double transferBytes,
                                   LatencySummary transferTimes, io.fleetsim.spec.HandoffSpec handoff) {
}
