package io.fleetsim.cost;

import java.util.Map;

/**
 * Where the money of a run went. Conservation: {@code totalUsd} equals the sum of
 * {@code byStateUsd}, of the pools' costs plus {@code fixedUsd}, and of the routes' costs plus
 * the unattributed remainder.
 *
 * @param totalUsd           everything paid over the horizon
 * @param byStateUsd         by what the money bought: cold_start, busy, idle, draining,
 *                           billing_rounding (GPU time, overhead included), api_input,
 *                           api_cached_input, api_output, fixed
 * @param fixedUsd           fixed monthly costs prorated to the horizon
 * @param overheadMultiplier all-in factor applied to GPU spend
 * @param idleUsd            GPU money spent on serving replicas with nothing in service: the {@code idle}
 *                           state (cold starts are {@code cold_start}, not idle)
 * @param inputUsd           money attributed to prefill (GPU time spent on prompts, API input)
 * @param outputUsd          money attributed to decode (GPU time spent generating, API output)
 * @param breakEven          break-even volume against the API reference price, or null when the
 *                           scenario gives no reference
 * @param byComponentUsd     by what kind of bill: rent (rented GPU time, overhead included), api,
 *                           capex_amortised, energy, colocation (owned pools), fixed (owned pools'
 *                           staff and support plus {@code economics.fixed_monthly_usd}); sums to the total
 */
public record CostBreakdown(double totalUsd, Map<String, Double> byStateUsd, double fixedUsd,
                            double overheadMultiplier, double idleUsd, double inputUsd, double outputUsd,
                            BreakEven breakEven, Map<String, Double> byComponentUsd) {

    /** Every component money can go to, at zero, in report order. */
    public static Map<String, Double> zeroByComponent() {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (String key : new String[] {"rent", "api", "capex_amortised", "energy", "colocation", "fixed"}) {
            out.put(key, 0.0);
        }
        return out;
    }

    public CostBreakdown {
        byComponentUsd = Map.copyOf(byComponentUsd);
        byStateUsd = Map.copyOf(byStateUsd);
    }
}
