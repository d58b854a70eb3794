package io.fleetsim.report;

import static io.fleetsim.report.ValueFormat.COUNT;
import static io.fleetsim.report.ValueFormat.FINE_MILLIS;
import static io.fleetsim.report.ValueFormat.MILLIS;
import static io.fleetsim.report.ValueFormat.SHARE;
import static io.fleetsim.report.ValueFormat.TEXT;
import static io.fleetsim.report.ValueFormat.USD;
import static io.fleetsim.report.ValueFormat.USD_PER_MTOK;

import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Strategy;
import io.fleetsim.run.DisaggregationResult;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The side-by-side table of a {@link Comparison}, one row per strategy: written whole to
 * {@code compare.csv} and {@code compare.html}, shown in the terminal as two narrower tables.
 */
public final class ComparisonTables {

    private static final String POOL_PREFIX = "cost_usd_";
    private static final String FIXED = "fixed_cost_usd";
    private static final String CI95 = "_ci95";

    private ComparisonTables() {
    }

    /**
     * Every column: outcome, unit cost, tail latency, waste, fleet size, spend by pool and fixed
     * costs. With replications, SLO attainment, cost, unit cost and the p99 latencies are means
     * over them, each followed by its 95% half-width ({@code _ci95}), and {@code meets_slo_target}
     * is the verdict (met, marginal, missed); the other columns are replication 0's.
     */
    public static Table full(Comparison c) {
        boolean replicated = c.replicated();
        List<Column> columns = new ArrayList<>(List.of(new Column("strategy", "strategy", TEXT),
                new Column("scenario", "scenario", TEXT)));
        if (replicated) {
            columns.add(new Column("replications", "n", COUNT));
        }
        estimated(columns, replicated, new Column("slo_attainment", "SLO attain.", SHARE));
        columns.add(new Column("meets_slo_target", "meets", TEXT));
        estimated(columns, replicated, new Column("cost_usd", "cost $", USD));
        estimated(columns, replicated, new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK));
        columns.addAll(List.of(new Column("projected_30_days_usd", "$ / 30 days", USD),
                new Column("per_1k_requests_usd", "$/1K req.", USD_PER_MTOK)));
        estimated(columns, replicated, new Column("ttft_p99_ms", "ttft p99", MILLIS));
        estimated(columns, replicated, new Column("tpot_p99_ms", "tpot p99", MILLIS));
        columns.addAll(List.of(new Column("wasted_tokens", "wasted tok.", COUNT), new Column("gpus", "gpus", COUNT),
                new Column("utilization", "utilization", SHARE),
                new Column("idle_cost_usd", "idle $", USD)));
        for (String pool : c.poolNames()) {
            columns.add(new Column(POOL_PREFIX + pool, pool + " $", USD));
        }
        // fixed monthly costs prorated to the horizon: with it the pool columns add up to cost_usd
        columns.add(new Column(FIXED, "fixed $", USD));
        // last, and only for pools disaggregated in some strategy, so that other comparisons' columns stay put
        List<String> split = disaggregatedPoolNames(c);
        for (String pool : split) {
            for (Column figure : RunTables.DISAGGREGATION_COLUMNS) {
                columns.add(new Column(figure.key() + "_" + pool, pool + " " + figure.key(), figure.format()));
            }
        }
        Table t = new Table(columns);
        for (Strategy s : c.strategies()) {
            RunResult r = s.result();
            List<Object> row = new ArrayList<>(List.of(s.name(), r.scenario()));
            if (replicated) {
                row.add((long) s.n());
            }
            estimate(row, replicated, s, Metric.SLO_ATTAINMENT, r.sloAttainment());
            row.add(replicated ? c.verdict(s).id() : c.meetsTarget(s) ? "yes" : "no");
            estimate(row, replicated, s, Metric.TOTAL_COST_USD, r.costUsd());
            estimate(row, replicated, s, Metric.COST_PER_USEFUL_MTOK, r.costPerUsefulMtokUsd());
            row.addAll(List.of(MonthlyView.of(r).projected30DaysUsd(), MonthlyView.of(r).per1kRequestsUsd()));
            estimate(row, replicated, s, Metric.TTFT_P99_MS, r.latency().ttft().p99Ms());
            estimate(row, replicated, s, Metric.TPOT_P99_MS, r.latency().tpot().p99Ms());
            row.addAll(List.of(WasteBreakdown.of(r.tokens()).total(),
                    r.pools().stream().mapToInt(PoolResult::gpus).sum(), gpuWeightedUtilization(r),
                    CostByState.usd(r.cost().byStateUsd(), "idle")));
            for (String pool : c.poolNames()) {
                Optional<PoolResult> p = r.pools().stream().filter(x -> x.name().equals(pool)).findFirst();
                row.add(p.map(PoolResult::costUsd).orElse(null));
            }
            row.add(r.cost().fixedUsd());
            for (String pool : split) {
                Map<String, Object> figures = disaggregation(r, pool).map(RunTables::disaggregationFigures)
                        .orElse(Map.of());
                RunTables.DISAGGREGATION_COLUMNS.forEach(figure -> row.add(figures.get(figure.key())));
            }
            t.addRow(row);
        }
        return t;
    }

    /** Adds {@code column} and, when replicated, its 95% half-width column after it. */
    private static void estimated(List<Column> columns, boolean replicated, Column column) {
        columns.add(column);
        if (replicated) {
            columns.add(new Column(column.key() + CI95, "±", column.format()));
        }
    }

    /** Adds the run's {@code single} value, or the mean over the replications and its half-width. */
    private static void estimate(List<Object> row, boolean replicated, Strategy s, Metric metric, double single) {
        if (replicated) {
            Estimate e = s.estimate(metric);
            row.add(e.mean());
            row.add(e.halfWidth());
        } else {
            row.add(single);
        }
    }

    /** Outcome, unit cost, tail latency and waste: the terminal's first table. */
    public static Table overview(Comparison c) {
        List<String> keys = c.replicated()
                ? List.of("strategy", "slo_attainment", "slo_attainment" + CI95, "meets_slo_target",
                        "cost_per_useful_mtok_usd", "cost_per_useful_mtok_usd" + CI95, "ttft_p99_ms", "tpot_p99_ms")
                : List.of("strategy", "slo_attainment", "meets_slo_target", "cost_usd", "cost_per_useful_mtok_usd",
                        "ttft_p99_ms", "tpot_p99_ms", "wasted_tokens");
        return full(c).select(keys);
    }

    /**
     * The columns of {@link #full} on the comparison page: all but the scenario names (in the
     * page's links) and the disaggregated pools' figures (in their own table, {@link #split}), so
     * that the table fits the page.
     */
    public static Table page(Comparison c) {
        Table full = full(c);
        int splitColumns = disaggregatedPoolNames(c).size() * RunTables.DISAGGREGATION_COLUMNS.size();
        List<String> keys = full.columns().stream().map(Column::key).limit(full.columns().size() - splitColumns)
                .filter(k -> !k.equals("scenario")).toList();
        return full.select(keys);
    }

    /** Fleet size, utilization, spend by pool and fixed costs: the terminal's second table. */
    public static Table spend(Comparison c) {
        List<String> keys = new ArrayList<>(List.of("strategy", "gpus", "utilization", "idle_cost_usd"));
        c.poolNames().forEach(p -> keys.add(POOL_PREFIX + p));
        keys.add(FIXED);
        return full(c).select(keys);
    }

    /**
     * The disaggregated pools of every strategy, one row each: deployments, prefill and decode
     * workers per deployment, each side's utilisation and the KV transfer time's p50 and p90 (the
     * figures of the run report's side and KV transfer tables). Empty when no strategy has one.
     */
    public static Table split(Comparison c) {
        Table t = new Table(new Column("strategy", "strategy", TEXT), new Column("pool", "pool", TEXT),
                new Column("deployments", "deploy.", COUNT), new Column("prefill_workers", "prefill w.", COUNT),
                new Column("decode_workers", "decode w.", COUNT),
                new Column("prefill_utilization", "prefill util", SHARE),
                new Column("decode_utilization", "decode util", SHARE),
                new Column("kv_transfer_p50_ms", "xfer p50", FINE_MILLIS),
                new Column("kv_transfer_p90_ms", "xfer p90", FINE_MILLIS));
        for (Strategy s : c.strategies()) {
            for (PoolResult p : s.result().pools()) {
                if (p.disaggregation() == null) {
                    continue;
                }
                Map<String, Object> figures = RunTables.disaggregationFigures(p.disaggregation());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("strategy", s.name());
                row.put("pool", p.name());
                row.put("deployments", (long) p.replicas());
                for (Column figure : t.columns().subList(row.size(), t.columns().size())) {
                    row.put(figure.key(), figures.get(figure.key()));
                }
                t.addRow(row);
            }
        }
        return t;
    }

    /** Names of the pools disaggregated in at least one strategy, in first-seen order. */
    private static List<String> disaggregatedPoolNames(Comparison c) {
        return c.poolNames().stream().filter(pool -> c.strategies().stream()
                .anyMatch(s -> disaggregation(s.result(), pool).isPresent())).toList();
    }

    private static Optional<DisaggregationResult> disaggregation(RunResult r, String pool) {
        return r.pools().stream().filter(p -> p.name().equals(pool) && p.disaggregation() != null)
                .map(PoolResult::disaggregation).findFirst();
    }

    /** Utilization of the whole fleet: each pool's weighted by its GPUs. */
    static double gpuWeightedUtilization(RunResult r) {
        double gpus = r.pools().stream().mapToInt(PoolResult::gpus).sum();
        return gpus == 0 ? Double.NaN
                : r.pools().stream().mapToDouble(p -> p.utilization() * p.gpus()).sum() / gpus;
    }
}
