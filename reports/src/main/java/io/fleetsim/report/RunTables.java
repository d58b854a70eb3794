package io.fleetsim.report;

import static io.fleetsim.report.ValueFormat.COUNT;
import static io.fleetsim.report.ValueFormat.DECIMAL;
import static io.fleetsim.report.ValueFormat.FINE_MILLIS;
import static io.fleetsim.report.ValueFormat.MILLIS;
import static io.fleetsim.report.ValueFormat.SHARE;
import static io.fleetsim.report.ValueFormat.TEXT;
import static io.fleetsim.report.ValueFormat.USD;
import static io.fleetsim.report.ValueFormat.USD_PER_MTOK;

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
import io.fleetsim.spec.ApiSpec;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.ServerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of one run, built once and shown in the terminal, in {@code index.html} and (the
 * {@link #summary} table) in {@code summary.csv}. The first row of each route table is the whole
 * fleet ("all routes").
 */
public final class RunTables {

    /** The name of the whole-fleet row. */
    public static final String ALL_ROUTES = "all routes";

    /** The name of the whole-fleet row of the KV-cache table. */
    public static final String ALL_POOLS = "all pools";

    /** The flag of a tenant whose projected monthly cost is over its budget. */
    public static final String OVER_BUDGET = "OVER BUDGET";

    private RunTables() {
    }

    /** Per route: requests, SLO attainment, TTFT and TPOT percentiles. */
    public static Table routeLatency(RunResult run) {
        Table t = new Table(new Column("route", "route", TEXT), new Column("arrived", "arrived", COUNT),
                new Column("slo_attainment", "in SLO", SHARE),
                new Column("ttft_p50_ms", "ttft p50", MILLIS), new Column("ttft_p95_ms", "ttft p95", MILLIS),
                new Column("ttft_p99_ms", "ttft p99", MILLIS), new Column("tpot_p50_ms", "tpot p50", MILLIS),
                new Column("tpot_p95_ms", "tpot p95", MILLIS), new Column("tpot_p99_ms", "tpot p99", MILLIS));
        latencyRow(t, ALL_ROUTES, run.requests(), run.latency());
        for (RouteResult r : run.routes()) {
            latencyRow(t, r.name(), r.requests(), r.latency());
        }
        return t;
    }

    private static void latencyRow(Table t, String name, RequestCounts req, Latencies l) {
        t.addRow(name, req.arrived(), req.sloAttainment(), l.ttft().p50Ms(), l.ttft().p95Ms(), l.ttft().p99Ms(),
                l.tpot().p50Ms(), l.tpot().p95Ms(), l.tpot().p99Ms());
    }

    /**
     * Per route: tokens per second in, out and useful over the horizon, useful output tokens,
     * prefix-cache hit rate and preemptions.
     */
    public static Table routeTokens(RunResult run) {
        Table t = new Table(new Column("route", "route", TEXT), new Column("input_tokens_per_s", "in tok/s", DECIMAL),
                new Column("output_tokens_per_s", "out tok/s", DECIMAL),
                new Column("useful_tokens_per_s", "useful tok/s", DECIMAL),
                new Column("useful_output_tokens", "useful output", COUNT),
                new Column("prefix_cache_hit_rate", "prefix hit", SHARE), new Column("preemptions", "preemptions", COUNT));
        double seconds = run.simulatedSeconds();
        tokenRow(t, ALL_ROUTES, run.tokens(), seconds, run.prefixCacheHitRate(), run.preemptions());
        for (RouteResult r : run.routes()) {
            tokenRow(t, r.name(), r.tokens(), seconds, r.prefixCacheHitRate(), r.preemptions());
        }
        return t;
    }

    private static void tokenRow(Table t, String name, TokenCounts tok, double seconds, double hitRate,
                                 long preemptions) {
        t.addRow(name, tok.input() / seconds, tok.output() / seconds, tok.useful() / seconds, tok.usefulOutput(),
                hitRate, preemptions);
    }

    /** Per route: end-to-end latency, useful tokens and what they cost. */
    public static Table routeCost(RunResult run) {
        Table t = new Table(new Column("route", "route", TEXT), new Column("e2e_p50_ms", "e2e p50", MILLIS),
                new Column("e2e_p95_ms", "e2e p95", MILLIS), new Column("e2e_p99_ms", "e2e p99", MILLIS),
                new Column("useful_tokens", "useful tokens", COUNT), new Column("cost_usd", "cost $", USD),
                new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK));
        t.addRow(ALL_ROUTES, run.latency().e2e().p50Ms(), run.latency().e2e().p95Ms(), run.latency().e2e().p99Ms(),
                run.tokens().useful(), run.costUsd(), run.costPerUsefulMtokUsd());
        for (RouteResult r : run.routes()) {
            t.addRow(r.name(), r.latency().e2e().p50Ms(), r.latency().e2e().p95Ms(), r.latency().e2e().p99Ms(),
                    r.tokens().useful(), r.costUsd(), r.costPerUsefulMtokUsd());
        }
        return t;
    }

    /**
     * Per pool: fleet size, utilization (time with a request in service), batch occupancy (share
     * of batch slots in use), cost (and the part paid for idle replicas) and unit cost. An API pool
     * has no replicas, GPUs or batches: those cells are empty (n/a) and {@link #apiPools} says what
     * it did.
     */
    public static Table pools(RunResult run) {
        Table t = new Table(new Column("pool", "pool", TEXT), new Column("kind", "kind", TEXT),
                new Column("replicas", "replicas", COUNT), new Column("peak_replicas", "peak", COUNT),
                new Column("gpus", "gpus", COUNT), new Column("utilization", "utilization", SHARE),
                new Column("batch_occupancy", "batch occ.", SHARE),
                new Column("cost_usd", "cost $", USD), new Column("idle_cost_usd", "idle $", USD),
                new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK));
        for (PoolResult p : run.pools()) {
            boolean gpu = !isApi(p);
            t.addRow(p.name(), p.kind().id(), gpu ? p.replicas() : null, gpu ? p.peakReplicas() : null,
                    gpu ? p.gpus() : null, gpu ? p.utilization() : null, gpu ? p.batchOccupancy() : null,
                    p.costUsd(), gpu ? CostByState.usd(p.costByStateUsd(), "idle") : null, p.costPerUsefulMtokUsd());
        }
        return t;
    }

    /**
     * Per side of each disaggregated pool: workers and GPUs per deployment, utilisation and batch
     * occupancy over the side's serving time. Empty when no pool is disaggregated.
     */
    public static Table disaggregatedPools(RunResult run) {
        Table t = new Table(new Column("pool", "pool", TEXT), new Column("side", "side", TEXT),
                new Column("workers", "workers", COUNT), new Column("gpus_per_worker", "gpus each", COUNT),
                new Column("utilization", "utilization", SHARE), new Column("batch_occupancy", "batch occ.", SHARE));
        for (PoolResult p : run.pools()) {
            DisaggregationResult d = p.disaggregation();
            if (d == null) {
                continue;
            }
            t.addRow(p.name(), "prefill", d.prefillWorkers(), d.prefillGpus(), d.use().prefillUtilization(),
                    d.use().prefillOccupancy());
            t.addRow(p.name(), "decode", d.decodeWorkers(), d.decodeGpus(), d.use().decodeUtilization(),
                    d.use().decodeOccupancy());
        }
        return t;
    }

    /**
     * The KV transfers of each disaggregated pool, prefill to decode side: their count (one per
     * request handed over), GB moved, the distribution of their time from prefill end to KV arrival
     * (the wait for the link included) and the handoff latency each request waits after it. Empty
     * when no pool is disaggregated.
     */
    public static Table kvTransfers(RunResult run) {
        Table t = new Table(new Column("pool", "pool", TEXT), new Column("link", "link", TEXT),
                new Column("kv_transfers", "transfers", COUNT), new Column("kv_gb", "kv GB", COUNT),
                new Column("transfer_mean_ms", "xfer mean", FINE_MILLIS),
                new Column("transfer_p50_ms", "xfer p50", FINE_MILLIS),
                new Column("transfer_p90_ms", "xfer p90", FINE_MILLIS),
                new Column("transfer_p99_ms", "xfer p99", FINE_MILLIS),
                new Column("transfer_max_ms", "xfer max", FINE_MILLIS),
                new Column("handoff_ms", "handoff", FINE_MILLIS));
        for (PoolResult p : run.pools()) {
            DisaggregationResult d = p.disaggregation();
            if (d == null) {
                continue;
            }
            LatencySummary x = d.transferTimes();
            t.addRow(p.name(), d.link(), d.transfers(), Math.round(d.transferBytes() / 1e9), x.meanMs(), x.p50Ms(),
                    x.percentileMs(90), x.p99Ms(), x.maxMs(), d.handoff().latencySeconds() * 1e3);
        }
        return t;
    }

    /**
     * KV-cache utilisation sampled at the time series' interval, fleet-wide ("all pools") and per
     * pool with a KV cache: mean and percentiles over the samples, the mean weighted by serving
     * time (every change of the cache, not only the sampled instants), with the preemptions (requests
     * evicted from a full KV cache) of the fleet and of each pool next to it.
     */
    public static Table kvCache(RunResult run) {
        Table t = new Table(new Column("pool", "pool", TEXT), new Column("kv_utilization_mean", "kv mean", SHARE),
                new Column("kv_utilization_p50", "kv p50", SHARE), new Column("kv_utilization_p95", "kv p95", SHARE),
                new Column("kv_utilization_p99", "kv p99", SHARE),
                new Column("kv_utilization_time_weighted_mean", "kv time-wtd", SHARE),
                new Column("preemptions", "preemptions", COUNT));
        kvRow(t, ALL_POOLS, run.kvCacheUtilization(), run.kvTimeWeightedUtilization(), run.preemptions());
        for (PoolResult p : run.pools()) {
            KvCacheUtilization kv = run.kvCacheUtilization(p.name());
            if (kv != null) {
                kvRow(t, p.name(), kv, p.kvTime() == null ? Double.NaN : p.kvTime().mean(), p.preemptions());
            }
        }
        return t;
    }

    private static void kvRow(Table t, String name, KvCacheUtilization kv, double timeWeighted, Long preemptions) {
        boolean none = kv == null || kv.samples() == 0;
        t.addRow(name, none ? null : kv.mean(), none ? null : kv.p50(), none ? null : kv.p95(),
                none ? null : kv.p99(), Double.isNaN(timeWeighted) ? null : timeWeighted, preemptions);
    }

    /**
     * Per tenant: requests, useful tokens, attributed cost and unit cost, monthly budget, the cost
     * projected to a 30-day month and a flag when that projection is over the budget. Empty when
     * the workload names no tenants (its one implicit tenant is the fleet).
     */
    public static Table tenants(RunResult run) {
        Table t = new Table(new Column("tenant", "tenant", TEXT), new Column("arrived", "arrived", COUNT),
                new Column("completed", "completed", COUNT), new Column("useful_tokens", "useful tokens", COUNT),
                new Column("cost_usd", "cost $", USD), new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK),
                new Column("monthly_budget_usd", "budget $/mo", USD),
                new Column("projected_monthly_usd", "projected $/mo", USD), new Column("budget", "budget", TEXT));
        for (TenantResult r : namedTenants(run)) {
            t.addRow(r.name(), r.counts().arrived(), r.counts().completed(), r.counts().usefulTokens(), r.costUsd(),
                    r.costPerUsefulMtokUsd(), r.monthlyBudgetUsd() > 0 ? r.monthlyBudgetUsd() : null,
                    r.projectedMonthlyUsd(), budgetFlag(r));
        }
        return t;
    }

    /** The tenants worth a row: none when the only one is the implicit tenant without a budget. */
    private static List<TenantResult> namedTenants(RunResult run) {
        List<TenantResult> all = run.tenants();
        return all.size() == 1 && all.get(0).monthlyBudgetUsd() <= 0 ? List.of() : all;
    }

    /** "OVER BUDGET" when the projection exceeds the budget, "within" when not, "none" without a budget. */
    static String budgetFlag(TenantResult r) {
        return r.monthlyBudgetUsd() <= 0 ? "none" : r.overBudget() ? OVER_BUDGET : "within";
    }

    /** True for a hosted API pool, which is paid per token and has no replicas of its own. */
    public static boolean isApi(PoolResult p) {
        return p.kind() == PoolKind.API;
    }

    /**
     * Per API pool: the requests sent to it, its prices per million tokens and its spend by token
     * kind (the prices are the scenario's; the spend is what the run paid). Empty when the fleet has
     * no API pool.
     */
    public static Table apiPools(RunReport report) {
        Table t = new Table(new Column("pool", "API pool", TEXT), new Column("requests_sent", "requests", COUNT),
                new Column("usd_per_mtok_input", "$/1M in", USD_PER_MTOK),
                new Column("usd_per_mtok_output", "$/1M out", USD_PER_MTOK),
                new Column("input_usd", "input $", USD), new Column("cached_input_usd", "cached $", USD),
                new Column("output_usd", "output $", USD), new Column("cost_usd", "cost $", USD));
        for (PoolResult p : report.result().pools()) {
            if (!isApi(p)) {
                continue;
            }
            ApiSpec api = report.scenario().pools().stream().filter(s -> s.name().equals(p.name()))
                    .map(s -> s.server() instanceof ServerSpec.Api a ? a.api() : null).findFirst().orElse(null);
            Map<String, Double> usd = p.costByStateUsd();
            t.addRow(p.name(), p.routedRequests(), api == null ? null : api.usdPerMtokInput(),
                    api == null ? null : api.usdPerMtokOutput(), CostByState.usd(usd, "api_input"),
                    CostByState.usd(usd, "api_cached_input"), CostByState.usd(usd, "api_output"), p.costUsd());
        }
        return t;
    }

    /** Wasted tokens by cause, with their share of the tokens processed. */
    public static Table waste(RunResult run) {
        WasteBreakdown w = WasteBreakdown.of(run.tokens());
        Table t = new Table(new Column("cause", "waste cause", TEXT), new Column("tokens", "tokens", COUNT),
                new Column("share_of_processed", "of processed", SHARE));
        w.tokensByCause().forEach((cause, tokens) -> t.addRow(cause, tokens, w.share(cause)));
        return t;
    }

    /**
     * One row for the whole fleet, one per route and one per pool, with every figure a spreadsheet
     * needs; cells that do not apply to a row (latency of a pool, replicas of a route) are empty.
     */
    public static Table summary(RunResult run) {
        Set<String> causes = WasteBreakdown.of(run.tokens()).tokensByCause().keySet();
        Set<String> states = new LinkedHashSet<>(CostByState.ordered(run.cost().byStateUsd()).keySet());
        run.pools().forEach(p -> states.addAll(CostByState.ordered(p.costByStateUsd()).keySet()));
        List<Column> columns = new ArrayList<>(List.of(Column.of("level", TEXT), Column.of("name", TEXT),
                Column.of("pool_kind", TEXT), Column.of("replicas", COUNT), Column.of("peak_replicas", COUNT),
                Column.of("gpus", COUNT), Column.of("gpu_hours", DECIMAL), Column.of("utilization", SHARE),
                Column.of("batch_occupancy", SHARE), Column.of("kv_utilization_mean", SHARE),
                Column.of("kv_utilization_p50", SHARE), Column.of("kv_utilization_p95", SHARE),
                Column.of("kv_utilization_p99", SHARE), Column.of("kv_utilization_time_weighted_mean", SHARE),
                Column.of("preemptions", COUNT),
                Column.of("requests_arrived", COUNT), Column.of("requests_completed", COUNT),
                Column.of("requests_rejected", COUNT), Column.of("requests_within_slo", COUNT),
                Column.of("slo_attainment", SHARE)));
        for (String metric : List.of("ttft", "tpot", "e2e")) {
            for (String p : List.of("p50", "p95", "p99")) {
                columns.add(Column.of(metric + "_" + p + "_ms", MILLIS));
            }
        }
        columns.addAll(List.of(Column.of("input_tokens", COUNT), Column.of("output_tokens", COUNT),
                Column.of("useful_tokens", COUNT), Column.of("useful_output_tokens", COUNT),
                Column.of("input_tokens_per_s", DECIMAL), Column.of("output_tokens_per_s", DECIMAL),
                Column.of("useful_tokens_per_s", DECIMAL), Column.of("prefix_cache_hit_rate", SHARE),
                Column.of("wasted_tokens", COUNT)));
        causes.forEach(c -> columns.add(Column.of("wasted_tokens_" + c, COUNT)));
        columns.add(Column.of("cost_usd", USD));
        states.forEach(s -> columns.add(Column.of("cost_usd_" + s, USD)));
        columns.add(Column.of("cost_per_useful_mtok_usd", USD_PER_MTOK));
        columns.addAll(List.of(Column.of("monthly_budget_usd", USD), Column.of("projected_monthly_usd", USD),
                Column.of("over_budget", TEXT)));
        boolean disaggregated = run.pools().stream().anyMatch(p -> p.disaggregation() != null);
        if (disaggregated) {
            // Last, and only where a pool is disaggregated, so that the other runs' columns stay put.
            columns.addAll(DISAGGREGATION_COLUMNS);
        }
        Table t = new Table(columns);

        double seconds = run.simulatedSeconds();
        Map<String, Object> fleet = traffic("fleet", ALL_ROUTES, run.requests(), run.tokens(), run.latency(),
                run.costUsd(), run.costPerUsefulMtokUsd());
        putRates(fleet, run.tokens(), seconds, run.prefixCacheHitRate());
        run.cost().byStateUsd().forEach((s, usd) -> fleet.put("cost_usd_" + s, usd));
        putKv(fleet, run.kvCacheUtilization(), run.kvTimeWeightedUtilization());
        fleet.put("preemptions", run.preemptions());
        t.addRow(fleet);
        for (RouteResult r : run.routes()) {
            Map<String, Object> row = traffic("route", r.name(), r.requests(), r.tokens(), r.latency(), r.costUsd(),
                    r.costPerUsefulMtokUsd());
            row.put("preemptions", r.preemptions());
            putRates(row, r.tokens(), seconds, r.prefixCacheHitRate());
            t.addRow(row);
        }
        for (PoolResult p : run.pools()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", "pool");
            row.put("name", p.name());
            row.put("pool_kind", p.kind().id());
            row.put("replicas", p.replicas());
            row.put("peak_replicas", p.peakReplicas());
            row.put("gpus", p.gpus());
            row.put("gpu_hours", p.gpuHours());
            row.put("utilization", p.utilization());
            row.put("batch_occupancy", p.batchOccupancy());
            putKv(row, run.kvCacheUtilization(p.name()), p.kvTime() == null ? Double.NaN : p.kvTime().mean());
            row.put("preemptions", p.preemptions());
            row.put("useful_tokens", p.usefulTokens());
            row.put("cost_usd", p.costUsd());
            p.costByStateUsd().forEach((s, usd) -> row.put("cost_usd_" + s, usd));
            row.put("cost_per_useful_mtok_usd", p.costPerUsefulMtokUsd());
            if (p.disaggregation() != null) {
                putDisaggregation(row, p.disaggregation());
            }
            t.addRow(row);
        }
        // Cost per useful token by model (its pools together), as in the models table.
        Table models = EconomicsTables.models(run);
        for (List<Object> m : models.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", "model");
            row.put("name", m.get(0));
            row.put("useful_tokens", m.get(2));
            row.put("cost_usd", m.get(4));
            row.put("cost_per_useful_mtok_usd", m.get(5));
            t.addRow(row);
        }
        for (TenantResult r : namedTenants(run)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", "tenant");
            row.put("name", r.name());
            row.put("requests_arrived", r.counts().arrived());
            row.put("requests_completed", r.counts().completed());
            row.put("requests_within_slo", r.counts().withinSlo());
            row.put("useful_tokens", r.counts().usefulTokens());
            row.put("cost_usd", r.costUsd());
            row.put("cost_per_useful_mtok_usd", r.costPerUsefulMtokUsd());
            row.put("monthly_budget_usd", r.monthlyBudgetUsd() > 0 ? r.monthlyBudgetUsd() : null);
            row.put("projected_monthly_usd", r.projectedMonthlyUsd());
            row.put("over_budget", String.valueOf(r.overBudget()));
            t.addRow(row);
        }
        return t;
    }

    /**
     * summary.csv's columns of a disaggregated pool: both sides (workers per deployment,
     * utilisation, batch occupancy) and the KV transfers between them; {@code compare} writes the
     * same figures per pool ({@link #disaggregationFigures}).
     */
    public static final List<Column> DISAGGREGATION_COLUMNS = List.of(Column.of("prefill_workers", COUNT),
            Column.of("decode_workers", COUNT), Column.of("prefill_utilization", SHARE),
            Column.of("prefill_batch_occupancy", SHARE), Column.of("decode_utilization", SHARE),
            Column.of("decode_batch_occupancy", SHARE), Column.of("kv_transfers", COUNT),
            Column.of("kv_transfer_bytes", COUNT), Column.of("kv_transfer_mean_ms", MILLIS),
            Column.of("kv_transfer_p50_ms", MILLIS), Column.of("kv_transfer_p90_ms", MILLIS),
            Column.of("kv_transfer_p95_ms", MILLIS), Column.of("kv_transfer_p99_ms", MILLIS),
            Column.of("kv_transfer_max_ms", MILLIS), Column.of("handoff_latency_ms", MILLIS));

    private static void putDisaggregation(Map<String, Object> row, DisaggregationResult d) {
        row.putAll(disaggregationFigures(d));
    }

    /** The figures of a disaggregated pool, keyed as {@link #DISAGGREGATION_COLUMNS}. */
    public static Map<String, Object> disaggregationFigures(DisaggregationResult d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("prefill_workers", (long) d.prefillWorkers());
        row.put("decode_workers", (long) d.decodeWorkers());
        row.put("prefill_utilization", d.use().prefillUtilization());
        row.put("prefill_batch_occupancy", d.use().prefillOccupancy());
        row.put("decode_utilization", d.use().decodeUtilization());
        row.put("decode_batch_occupancy", d.use().decodeOccupancy());
        row.put("kv_transfers", d.transfers());
        row.put("kv_transfer_bytes", Math.round(d.transferBytes()));
        LatencySummary x = d.transferTimes();
        row.put("kv_transfer_mean_ms", x.meanMs());
        row.put("kv_transfer_p50_ms", x.p50Ms());
        row.put("kv_transfer_p90_ms", x.percentileMs(90));
        row.put("kv_transfer_p95_ms", x.p95Ms());
        row.put("kv_transfer_p99_ms", x.p99Ms());
        row.put("kv_transfer_max_ms", x.maxMs());
        row.put("handoff_latency_ms", d.handoff().latencySeconds() * 1e3);
        return row;
    }

    private static void putRates(Map<String, Object> row, TokenCounts tok, double seconds, double hitRate) {
        row.put("useful_output_tokens", tok.usefulOutput());
        row.put("input_tokens_per_s", tok.input() / seconds);
        row.put("output_tokens_per_s", tok.output() / seconds);
        row.put("useful_tokens_per_s", tok.useful() / seconds);
        row.put("prefix_cache_hit_rate", hitRate);
    }

    private static void putKv(Map<String, Object> row, KvCacheUtilization kv, double timeWeighted) {
        if (kv != null && kv.samples() > 0) {
            row.put("kv_utilization_mean", kv.mean());
            row.put("kv_utilization_p50", kv.p50());
            row.put("kv_utilization_p95", kv.p95());
            row.put("kv_utilization_p99", kv.p99());
        }
        if (!Double.isNaN(timeWeighted)) {
            row.put("kv_utilization_time_weighted_mean", timeWeighted);
        }
    }

    private static Map<String, Object> traffic(String level, String name, RequestCounts req, TokenCounts tok,
                                               Latencies l, double costUsd, double perMtok) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level", level);
        row.put("name", name);
        row.put("requests_arrived", req.arrived());
        row.put("requests_completed", req.completed());
        row.put("requests_rejected", req.rejected());
        row.put("requests_within_slo", req.withinSlo());
        row.put("slo_attainment", req.sloAttainment());
        List<LatencySummary> summaries = List.of(l.ttft(), l.tpot(), l.e2e());
        List<String> metrics = List.of("ttft", "tpot", "e2e");
        for (int i = 0; i < metrics.size(); i++) {
            row.put(metrics.get(i) + "_p50_ms", summaries.get(i).p50Ms());
            row.put(metrics.get(i) + "_p95_ms", summaries.get(i).p95Ms());
            row.put(metrics.get(i) + "_p99_ms", summaries.get(i).p99Ms());
        }
        row.put("input_tokens", tok.input());
        row.put("output_tokens", tok.output());
        row.put("useful_tokens", tok.useful());
        WasteBreakdown w = WasteBreakdown.of(tok);
        row.put("wasted_tokens", w.total());
        w.tokensByCause().forEach((c, n) -> row.put("wasted_tokens_" + c, n));
        row.put("cost_usd", costUsd);
        row.put("cost_per_useful_mtok_usd", perMtok);
        return row;
    }
}
