package io.fleetsim.run;

import io.fleetsim.cost.CostBreakdown;
import io.fleetsim.metrics.KvCacheUtilization;
import io.fleetsim.metrics.KvTimeShare;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.metrics.TokenCounts;
import java.util.List;

/**
 * Everything a run measured, immutable; reports are rendered from this alone.
 *
 * @param scenario             scenario name
 * @param seed                 seed used
 * @param simulatedSeconds     horizon
 * @param requests             request outcomes, whole fleet
 * @param tokens               token counts, whole fleet
 * @param latency              latency distributions, whole fleet
 * @param interTokenLatency    gaps between consecutive output tokens, over all tokens
 * @param prefixCacheHitRate   share of admitted prompt tokens served from prefix caches
 * @param preemptions          times a running request lost its KV cache
 * @param costUsd              total money paid
 * @param unattributedCostUsd  part of the cost no route could be charged with (pools with no route)
 * @param costPerUsefulMtokUsd total cost per million useful tokens (NaN when none)
 * @param meanInSystem         time-average number of requests queued or in service
 * @param pools                per pool
 * @param routes               per route
 * @param timeSeries           values sampled over time (per minute for long runs)
 * @param events               events the engine handled
 * @param cost                 where the money went: by state, fixed costs, input/output, break-even
 * @param tenants              per tenant (one anonymous tenant when the scenario names none)
 * @param arrivals             how the arrivals were made (process, modulation, trace scaling)
 * @param arrivedTokens        prompt plus output tokens of every request that arrived (first attempts,
 *                             served or not): no fleet can deliver more useful tokens on this traffic
 * @param energyKwh            energy the GPU pools drew (those with measured power), kWh
 * @param disruptions          each zone outage and rolling deploy and what it did to the SLO (empty when none)
 */
public record RunResult(String scenario, long seed, double simulatedSeconds, RequestCounts requests,
                        TokenCounts tokens, Latencies latency, LatencySummary interTokenLatency,
                        double prefixCacheHitRate, long preemptions, double costUsd, double unattributedCostUsd,
                        double costPerUsefulMtokUsd, double meanInSystem, List<PoolResult> pools,
                        List<RouteResult> routes, TimeSeries timeSeries, long events, CostBreakdown cost,
                        List<TenantResult> tenants, String arrivals, long arrivedTokens, double energyKwh,
                        List<DisruptionResult> disruptions) {

    public RunResult {
        tenants = List.copyOf(tenants);
        disruptions = List.copyOf(disruptions);
        pools = List.copyOf(pools);
        routes = List.copyOf(routes);
    }

    /** Energy per useful token, joules (NaN when no useful token or no energy figure). */
    public double joulesPerUsefulToken() {
        return tokens.useful() == 0 ? Double.NaN : energyKwh * 3.6e6 / tokens.useful();
    }

    /** KV-cache utilisation over the run across every pool with a KV cache, from the time series. */
    public KvCacheUtilization kvCacheUtilization() {
        return KvCacheUtilization.of(timeSeries, KvCacheUtilization.COLUMN);
    }

    /**
     * KV-cache utilisation weighted by serving time across every pool with a KV cache (each
     * replica-second weighing the same), NaN when none has one.
     */
    public double kvTimeWeightedUtilization() {
        KvTimeShare all = new KvTimeShare(0, 0);
        for (PoolResult p : pools) {
            if (p.kvTime() != null) {
                all = all.plus(p.kvTime());
            }
        }
        return all.mean();
    }

    /** KV-cache utilisation of the pool named {@code pool}, or null for a pool without a KV cache. */
    public KvCacheUtilization kvCacheUtilization(String pool) {
        return KvCacheUtilization.of(timeSeries, KvCacheUtilization.column(pool));
    }

    /** Within-SLO share of requests that reached an outcome. */
    public double sloAttainment() {
        return requests.sloAttainment();
    }
}
