package io.fleetsim.run;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.cost.CommitmentCost;
import io.fleetsim.cost.HeadroomCost;
import io.fleetsim.cost.OwnedPoolCost;
import io.fleetsim.cost.PoolEnergy;
import io.fleetsim.metrics.KvTimeShare;
import io.fleetsim.serving.StepTimeProvenance;
import io.fleetsim.spec.PoolKind;
import java.util.Map;

/**
 * One pool's share of a run.
 *
 * @param name                 pool name
 * @param kind                 how it is bought (reserved, on-demand, spot, API)
 * @param replicas             replicas at the start
 * @param gpus                 GPUs across the starting replicas
 * @param gpuHours             GPU-hours paid for (cold start, serving, draining, billing rounding)
 * @param usdPerGpuHour        price used
 * @param utilization          share of serving replica time with a request in service
 * @param costUsd              money paid (overhead multiplier included)
 * @param usefulTokens         useful tokens of the requests it completed
 * @param costPerUsefulMtokUsd cost over its useful tokens, per million (NaN when none)
 * @param costByStateUsd       its cost by what the money bought (see {@code CostBreakdown})
 * @param priceSource          where the price comes from: the scenario or a default with its source
 * @param routedRequests       requests the router sent to it
 * @param overflowRequests     of those, requests sent because earlier pools were saturated
 * @param replicasStarted      replicas requested over the run, initial ones included
 * @param peakReplicas         most replicas serving or starting at a sample
 * @param interruptions        spot interruptions
 * @param failedScaleUps       replicas asked for but not available
 * @param prefillShare         share of its compute time spent on prompts (NaN when none)
 * @param batchOccupancy       share of request slots (max_num_seqs) in use over serving time
 * @param stepTimes            the performance profile of its step times, or null for a pool that
 *                             is not an LLM server (a disaggregated pool's: its prefill workers')
 * @param model                the model it serves (the pool name for abstract and API servers
 *                             whose model is not named)
 * @param usefulOutputTokens   output tokens of its useful requests
 * @param energy               energy its GPUs drew, or null (API pools; GPUs without measured power)
 * @param costByComponentUsd   its cost by component: rent, api, capex_amortised, energy, colocation,
 *                             fixed (staff and support of an owned pool); sums to {@code costUsd}
 * @param owned                the components of an owned pool, or null for rented capacity
 * @param commitment           what a reserved pool's commitment obliges over its term, or null
 * @param failures             replica failures (GPU or node)
 * @param downReplicaHours     replica-hours lost to failures (from each failure to its replacement
 *                             being asked for, within the horizon)
 * @param disaggregation       its prefill and decode sides, null for a pool that is not disaggregated
 * @param endToEnd             the shipped end-to-end profile its engine overheads come from, with
 *                             its error on measured deployments left out of the fit; null when none
 * @param headroom             what its N+k spare replicas cost, or null without a headroom policy
 * @param preemptions          times a running request on one of its replicas lost its KV cache
 *                             (0 for pools without one)
 * @param kvTime               its KV-cache utilisation weighted by serving time, or null for pools
 *                             without a KV cache
 */
public record PoolResult(String name, PoolKind kind, int replicas, int gpus, double gpuHours, double usdPerGpuHour,
                         double utilization, double costUsd, long usefulTokens, double costPerUsefulMtokUsd,
                         Map<String, Double> costByStateUsd, String priceSource, long routedRequests,
                         long overflowRequests, int replicasStarted, int peakReplicas, int interruptions,
                         int failedScaleUps, double prefillShare, double batchOccupancy,
                         StepTimeProvenance stepTimes, String model, long usefulOutputTokens, PoolEnergy energy,
                         Map<String, Double> costByComponentUsd, OwnedPoolCost owned, CommitmentCost commitment,
                         int failures, double downReplicaHours, DisaggregationResult disaggregation,
                         EndToEndProfile endToEnd, HeadroomCost headroom, long preemptions,
                         KvTimeShare kvTime) {

    public PoolResult {
        costByStateUsd = Map.copyOf(costByStateUsd);
        costByComponentUsd = Map.copyOf(costByComponentUsd);
    }
}
