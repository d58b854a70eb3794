package io.fleetsim.cost;

import io.fleetsim.spec.ApiSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns capacity and usage into money. GPU capacity is paid for every second a replica is
 * starting, serving or draining (reserved replicas: the whole horizon, busy or idle), rounded up
 * to the billing granularity, times its GPUs, the price per GPU-hour and the overhead multiplier.
 * An API is paid per token: input, cached input and output at their own prices.
 */
public final class CostModel {

    private CostModel() {
    }

    /**
     * GPU money of one pool by state.
     *
     * @param coldStartSeconds replica-seconds starting up
     * @param busySeconds      replica-seconds serving with at least one request in service
     * @param idleSeconds      replica-seconds serving with nothing in service
     * @param drainingSeconds  replica-seconds draining
     * @param roundingSeconds  replica-seconds added by billing granularity
     * @param gpusPerReplica   GPUs per replica
     * @param usdPerGpuHour    price
     * @param overhead         all-in multiplier
     */
    public static Map<String, Double> gpuCostByState(double coldStartSeconds, double busySeconds, double idleSeconds,
                                                     double drainingSeconds, double roundingSeconds,
                                                     int gpusPerReplica, double usdPerGpuHour, double overhead) {
        double perSecond = gpusPerReplica * usdPerGpuHour * overhead / 3600.0;
        Map<String, Double> out = new TreeMap<>();
        out.put("cold_start", coldStartSeconds * perSecond);
        out.put("busy", busySeconds * perSecond);
        out.put("idle", idleSeconds * perSecond);
        out.put("draining", drainingSeconds * perSecond);
        out.put("billing_rounding", roundingSeconds * perSecond);
        return out;
    }

    /** API money of one pool by token kind, from the billed tokens {input, cached input, output}. */
    public static Map<String, Double> apiCostByKind(ApiSpec api, long[] tokens) {
        Map<String, Double> out = new TreeMap<>();
        out.put("api_input", tokens[0] / 1e6 * api.usdPerMtokInput());
        out.put("api_cached_input", tokens[1] / 1e6 * api.usdPerMtokCachedInput());
        out.put("api_output", tokens[2] / 1e6 * api.usdPerMtokOutput());
        return out;
    }

    /** Dollars per million tokens; NaN when there are no tokens to spread the cost over. */
    public static double perMillionTokens(double usd, long tokens) {
        return tokens == 0 ? Double.NaN : usd / (tokens / 1e6);
    }
}
