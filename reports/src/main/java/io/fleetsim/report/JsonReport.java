package io.fleetsim.report;

import io.fleetsim.calibration.HandoffProfile;
import io.fleetsim.calibration.HandoffProfiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.cost.CostBreakdown;
import io.fleetsim.metrics.KvCacheUtilization;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.run.DisaggregationResult;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.TenantResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Renders a {@link RunResult} as {@code report.json}. Field names carry their units; fields are
 * only ever added, never renamed (README lists them). Numbers are rounded to a fixed number of
 * decimals and keys are written in a fixed order, so the same run gives byte-identical files.
 */
public final class JsonReport {

    /** Version of the report layout; bumped when a field changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonReport() {
    }

    /** The report as pretty-printed JSON text ending in a newline. */
    public static String render(RunResult run) {
        try {
            return MAPPER.writeValueAsString(tree(run)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render report", e);
        }
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(RunResult run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("scenario", run.scenario());
        root.put("seed", run.seed());
        root.put("simulated_seconds", round(run.simulatedSeconds(), 3));
        root.put("arrivals", run.arrivals());
        root.set("requests", requests(run.requests()));
        root.set("tokens", tokens(run.tokens()));
        ObjectNode latency = latency(run.latency());
        latency.set("itl", summary(run.interTokenLatency()));
        root.set("latency_ms", latency);
        putNumber(root, "prefix_cache_hit_rate", run.prefixCacheHitRate(), 6);
        root.put("preemptions", run.preemptions());
        kvCache(root.putObject("kv_cache"), run.kvCacheUtilization(), run.kvTimeWeightedUtilization(),
                run.preemptions());
        putNumber(root, "slo_attainment", run.sloAttainment(), 6);
        ObjectNode cost = root.putObject("cost_usd");
        putNumber(cost, "total", run.costUsd(), 4);
        ObjectNode byPool = cost.putObject("by_pool");
        run.pools().forEach(p -> putNumber(byPool, p.name(), p.costUsd(), 4));
        putNumber(cost, "unattributed_to_routes", run.unattributedCostUsd(), 4);
        CostBreakdown breakdown = run.cost();
        ObjectNode byState = cost.putObject("by_state");
        breakdown.byStateUsd().keySet().stream().sorted()
                .forEach(k -> putNumber(byState, k, breakdown.byStateUsd().get(k), 4));
        putNumber(cost, "fixed", breakdown.fixedUsd(), 4);
        putNumber(cost, "idle", breakdown.idleUsd(), 4);
        putNumber(cost, "input", breakdown.inputUsd(), 4);
        putNumber(cost, "output", breakdown.outputUsd(), 4);
        putNumber(cost, "overhead_multiplier", breakdown.overheadMultiplier(), 6);
        MonthlyView month = MonthlyView.of(run);
        putNumber(cost, "projected_30_days", month.projected30DaysUsd(), 4);
        putNumber(cost, "per_request", month.perRequestUsd(), 8);
        putNumber(cost, "per_1k_requests", month.per1kRequestsUsd(), 6);
        putNumber(root, "cost_per_useful_mtok_usd", run.costPerUsefulMtokUsd(), 6);
        putNumber(root, "cost_per_mtok_input_usd", breakdown.inputUsd() / (run.tokens().input() / 1e6), 6);
        putNumber(root, "cost_per_mtok_output_usd", breakdown.outputUsd() / (run.tokens().output() / 1e6), 6);
        ObjectNode breakEven = root.putObject("break_even");
        if (breakdown.breakEven() != null) {
            putNumber(breakEven, "api_reference_usd_per_mtok", breakdown.breakEven().apiUsdPerMtok(), 6);
            putNumber(breakEven, "self_hosted_fixed_monthly_usd", breakdown.breakEven().fixedMonthlyUsd(), 4);
            putNumber(breakEven, "self_hosted_variable_usd_per_mtok", breakdown.breakEven().variableUsdPerMtok(), 6);
            putNumber(breakEven, "monthly_mtok", breakdown.breakEven().monthlyMtok(), 6);
        }
        putNumber(root, "mean_requests_in_system", run.meanInSystem(), 6);
        putNumber(root, "throughput_requests_per_s", run.requests().completed() / run.simulatedSeconds(), 6);
        tokenRates(root.putObject("throughput_tokens_per_s"), run.tokens(), run.simulatedSeconds());
        var pools = root.putArray("pools");
        for (PoolResult p : run.pools()) {
            ObjectNode n = pools.addObject();
            n.put("name", p.name());
            n.put("kind", p.kind().id());
            n.put("replicas", p.replicas());
            n.put("gpus", p.gpus());
            putNumber(n, "gpu_hours", p.gpuHours(), 6);
            putNumber(n, "usd_per_gpu_hour", p.usdPerGpuHour(), 6);
            putNumber(n, "utilization", p.utilization(), 6);
            putNumber(n, "cost_usd", p.costUsd(), 4);
            n.put("useful_tokens", p.usefulTokens());
            putNumber(n, "cost_per_useful_mtok_usd", p.costPerUsefulMtokUsd(), 6);
            ObjectNode states = n.putObject("cost_by_state_usd");
            p.costByStateUsd().keySet().stream().sorted()
                    .forEach(k -> putNumber(states, k, p.costByStateUsd().get(k), 4));
            n.put("price_source", p.priceSource());
            n.put("routed_requests", p.routedRequests());
            n.put("overflow_requests", p.overflowRequests());
            n.put("replicas_started", p.replicasStarted());
            n.put("peak_replicas", p.peakReplicas());
            n.put("interruptions", p.interruptions());
            n.put("failed_scale_ups", p.failedScaleUps());
            putNumber(n, "prefill_share", p.prefillShare(), 6);
            putNumber(n, "batch_occupancy", p.batchOccupancy(), 6);
            n.put("preemptions", p.preemptions());
            KvCacheUtilization kv = run.kvCacheUtilization(p.name());
            if (kv != null) {
                kvCache(n.putObject("kv_cache"), kv, p.kvTime() == null ? Double.NaN : p.kvTime().mean(), -1);
            }
            if (p.stepTimes() != null) {
                ObjectNode st = n.putObject("step_time_profile");
                st.put("profile", p.stepTimes().profile());
                st.put("source", p.stepTimes().source());
                st.put("fit", p.stepTimes().fit().id());
                var notes = st.putArray("notes");
                p.stepTimes().notes().forEach(notes::add);
                if (p.endToEnd() != null) {
                    ObjectNode e = st.putObject("end_to_end_fit");
                    e.put("profile", p.endToEnd().name());
                    e.put("points", p.endToEnd().training().points());
                    e.put("deployments", p.endToEnd().deployments());
                    p.endToEnd().crossValidated().ifPresent(c -> {
                        ObjectNode cv = e.putObject("cross_validated");
                        cv.put("folds", c.folds());
                        putNumber(cv, "ttft_ape_median", c.error().ttftMedian(), 4);
                        putNumber(cv, "ttft_ape_p90", c.error().ttftP90(), 4);
                        putNumber(cv, "tpot_ape_median", c.error().tpotMedian(), 4);
                        putNumber(cv, "tpot_ape_p90", c.error().tpotP90(), 4);
                        c.kneeCapacity().ifPresent(k -> {
                            ObjectNode kn = cv.putObject("knee_capacity_ratio");
                            kn.put("curves", k.curves());
                            putNumber(kn, "p10", k.p10(), 3);
                            putNumber(kn, "median", k.median(), 3);
                            putNumber(kn, "p90", k.p90(), 3);
                        });
                    });
                }
            }
            if (p.disaggregation() != null) {
                n.set("disaggregation", disaggregation(p.disaggregation()));
            }
        }
        var tenants = root.putArray("tenants");
        for (TenantResult t : run.tenants()) {
            ObjectNode n = tenants.addObject();
            n.put("name", t.name());
            n.put("arrived", t.counts().arrived());
            n.put("completed", t.counts().completed());
            n.put("within_slo", t.counts().withinSlo());
            n.put("useful_tokens", t.counts().usefulTokens());
            putNumber(n, "cost_usd", t.costUsd(), 4);
            putNumber(n, "cost_per_useful_mtok_usd", t.costPerUsefulMtokUsd(), 6);
            putNumber(n, "monthly_budget_usd", t.monthlyBudgetUsd(), 2);
            putNumber(n, "projected_monthly_usd", t.projectedMonthlyUsd(), 2);
            n.put("over_budget", t.overBudget());
        }
        var routes = root.putArray("routes");
        for (RouteResult r : run.routes()) {
            ObjectNode n = routes.addObject();
            n.put("name", r.name());
            putNumber(n, "slo_attainment", r.requests().sloAttainment(), 6);
            ObjectNode slo = n.putObject("slo_at_percentile");
            putNumber(slo, "percentile", r.sloCheck().percentile(), 3);
            putNumber(slo, "ttft_ms", r.sloCheck().ttftMs(), 3);
            putNumber(slo, "tpot_ms", r.sloCheck().tpotMs(), 3);
            slo.put("met", r.sloCheck().met());
            n.set("requests", requests(r.requests()));
            n.set("tokens", tokens(r.tokens()));
            n.set("latency_ms", latency(r.latency()));
            putNumber(n, "prefix_cache_hit_rate", r.prefixCacheHitRate(), 6);
            n.put("preemptions", r.preemptions());
            tokenRates(n.putObject("throughput_tokens_per_s"), r.tokens(), run.simulatedSeconds());
            putNumber(n, "cost_usd", r.costUsd(), 4);
            putNumber(n, "cost_per_useful_mtok_usd", r.costPerUsefulMtokUsd(), 6);
        }
        EconomicsJson.add(root, run);
        DisruptionJson.add(root, run);
        return root;
    }

    /** KV-cache utilisation (nulls when not sampled; the time-weighted mean beside the sampled one) and, at fleet level ({@code preemptions >= 0}), preemptions. */
    private static void kvCache(ObjectNode n, KvCacheUtilization kv, double timeWeightedMean, long preemptions) {
        ObjectNode u = n.putObject("utilization");
        putNumber(u, "mean", kv == null ? Double.NaN : kv.mean(), 6);
        putNumber(u, "time_weighted_mean", timeWeightedMean, 6);
        putNumber(u, "p50", kv == null ? Double.NaN : kv.p50(), 6);
        putNumber(u, "p95", kv == null ? Double.NaN : kv.p95(), 6);
        putNumber(u, "p99", kv == null ? Double.NaN : kv.p99(), 6);
        if (preemptions >= 0) {
            n.put("preemptions", preemptions);
        }
    }

    private static void tokenRates(ObjectNode n, TokenCounts t, double seconds) {
        putNumber(n, "input", t.input() / seconds, 6);
        putNumber(n, "output", t.output() / seconds, 6);
        putNumber(n, "useful", t.useful() / seconds, 6);
    }

    private static ObjectNode requests(RequestCounts c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("arrived", c.arrived());
        n.put("completed", c.completed());
        n.put("cancelled", c.cancelled());
        n.put("rejected", c.rejected());
        n.put("within_slo", c.withinSlo());
        n.put("in_flight_at_end", c.inFlightAtEnd());
        putCounts(n.putObject("rejected_by_cause"), c.rejectedByCause());
        return n;
    }

    private static ObjectNode tokens(TokenCounts t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("input", t.input());
        n.put("output", t.output());
        n.put("useful", t.useful());
        n.put("cached_input", t.cachedInput());
        n.put("useful_output", t.usefulOutput());
        n.put("reasked", t.reasked());
        n.put("draft_proposed", t.draftProposed());
        n.put("draft_accepted", t.draftAccepted());
        putCounts(n.putObject("wasted"), t.wasted());
        return n;
    }

    private static ObjectNode latency(Latencies l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("ttft", summary(l.ttft()));
        n.set("tpot", summary(l.tpot()));
        n.set("e2e", summary(l.e2e()));
        n.set("queue", summary(l.queue()));
        return n;
    }

    /** A disaggregated pool's two sides and its KV transfers (times in ms); compare.json has it too. */
    static ObjectNode disaggregation(DisaggregationResult d) {
        ObjectNode n = MAPPER.createObjectNode();
        ObjectNode prefill = n.putObject("prefill");
        prefill.put("workers", d.prefillWorkers());
        prefill.put("gpus_per_worker", d.prefillGpus());
        putNumber(prefill, "utilization", d.use().prefillUtilization(), 6);
        putNumber(prefill, "batch_occupancy", d.use().prefillOccupancy(), 6);
        ObjectNode decode = n.putObject("decode");
        decode.put("workers", d.decodeWorkers());
        decode.put("gpus_per_worker", d.decodeGpus());
        putNumber(decode, "utilization", d.use().decodeUtilization(), 6);
        putNumber(decode, "batch_occupancy", d.use().decodeOccupancy(), 6);
        ObjectNode link = n.putObject("link");
        link.put("kind", d.link());
        putNumber(link, "bandwidth_gbps_per_gpu", d.linkGbpsPerGpu(), 3);
        putNumber(link, "latency_us", d.linkLatencyUs(), 3);
        link.put("source", d.linkSource());
        // Always, 0 and "none" included: the TTFT of every request handed over carries it.
        ObjectNode h = n.putObject("handoff");
        putNumber(h, "latency_ms", d.handoff().latencySeconds() * 1e3, 3);
        h.put("source", d.handoff().source());
        HandoffProfiles.builtIn().all().stream().filter(x -> x.name().equals(d.handoff().source())).findFirst()
                .flatMap(HandoffProfile::crossValidated).ifPresent(c -> {
                    ObjectNode cv = h.putObject("cross_validated");
                    cv.put("folds", c.folds());
                    putNumber(cv, "ttft_ape_median", c.error().ttftMedian(), 4);
                    putNumber(cv, "ttft_ape_p90", c.error().ttftP90(), 4);
                    putNumber(cv, "tpot_ape_median", c.error().tpotMedian(), 4);
                    putNumber(cv, "tpot_ape_p90", c.error().tpotP90(), 4);
                });
        ObjectNode kv = n.putObject("kv_transfers");
        kv.put("count", d.transfers());
        putNumber(kv, "bytes", d.transferBytes(), 0);
        kv.set("time_ms", transferTimes(d.transferTimes()));
        return n;
    }

    /** A KV transfer time distribution: the latency summary with its 90th percentile. */
    private static ObjectNode transferTimes(LatencySummary s) {
        return summary(s, true);
    }

    private static ObjectNode summary(LatencySummary s) {
        return summary(s, false);
    }

    private static ObjectNode summary(LatencySummary s, boolean withP90) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("count", s.count());
        putNumber(n, "mean", s.meanMs(), 3);
        putNumber(n, "p50", s.p50Ms(), 3);
        if (withP90) {
            putNumber(n, "p90", s.percentileMs(90), 3);
        }
        putNumber(n, "p95", s.p95Ms(), 3);
        putNumber(n, "p99", s.p99Ms(), 3);
        putNumber(n, "max", s.maxMs(), 3);
        return n;
    }

    private static void putCounts(ObjectNode target, Map<String, Long> counts) {
        counts.keySet().stream().sorted().forEach(k -> target.put(k, counts.get(k)));
    }

    static void putNumber(ObjectNode target, String field, double value, int decimals) {
        if (Double.isFinite(value)) {
            target.put(field, round(value, decimals));
        } else {
            target.putNull(field);
        }
    }

    private static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
