package io.fleetsim.report;

import static io.fleetsim.report.ValueFormat.COUNT;
import static io.fleetsim.report.ValueFormat.MILLIS;
import static io.fleetsim.report.ValueFormat.SHARE;
import static io.fleetsim.report.ValueFormat.TEXT;
import static io.fleetsim.report.ValueFormat.USD;
import static io.fleetsim.report.ValueFormat.USD_PER_MTOK;

import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The side-by-side table of a {@link Comparison}, one row per strategy: written whole to
 * {@code compare.csv} and {@code compare.html}, shown in the terminal as two narrower tables.
 */
public final class ComparisonTables {

    private static final String POOL_PREFIX = "cost_usd_";
    private static final String FIXED = "fixed_cost_usd";

    private ComparisonTables() {
    }

    /** Every column: outcome, unit cost, tail latency, waste, fleet size, spend by pool and fixed costs. */
    public static Table full(Comparison c) {
        List<Column> columns = new ArrayList<>(List.of(new Column("strategy", "strategy", TEXT),
                new Column("scenario", "scenario", TEXT), new Column("slo_attainment", "SLO attain.", SHARE),
                new Column("meets_slo_target", "meets", TEXT), new Column("cost_usd", "cost $", USD),
                new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK),
                new Column("projected_30_days_usd", "$ / 30 days", USD),
                new Column("per_1k_requests_usd", "$/1K req.", USD_PER_MTOK),
                new Column("ttft_p99_ms", "ttft p99", MILLIS), new Column("tpot_p99_ms", "tpot p99", MILLIS),
                new Column("wasted_tokens", "wasted tok.", COUNT), new Column("gpus", "gpus", COUNT),
                new Column("utilization", "utilization", SHARE),
                new Column("idle_cost_usd", "idle $", USD)));
        for (String pool : c.poolNames()) {
            columns.add(new Column(POOL_PREFIX + pool, pool + " $", USD));
        }
        // fixed monthly costs prorated to the horizon: with it the pool columns add up to cost_usd
        columns.add(new Column(FIXED, "fixed $", USD));
        Table t = new Table(columns);
        for (Strategy s : c.strategies()) {
            RunResult r = s.result();
            List<Object> row = new ArrayList<>(List.of(s.name(), r.scenario(), r.sloAttainment(),
                    c.meetsTarget(s) ? "yes" : "no", r.costUsd(), r.costPerUsefulMtokUsd(),
                    MonthlyView.of(r).projected30DaysUsd(), MonthlyView.of(r).per1kRequestsUsd(),
                    r.latency().ttft().p99Ms(), r.latency().tpot().p99Ms(), WasteBreakdown.of(r.tokens()).total(),
                    r.pools().stream().mapToInt(PoolResult::gpus).sum(), gpuWeightedUtilization(r),
                    CostByState.usd(r.cost().byStateUsd(), "idle")));
            for (String pool : c.poolNames()) {
                Optional<PoolResult> p = r.pools().stream().filter(x -> x.name().equals(pool)).findFirst();
                row.add(p.map(PoolResult::costUsd).orElse(null));
            }
            row.add(r.cost().fixedUsd());
            t.addRow(row);
        }
        return t;
    }

    /** Outcome, unit cost, tail latency and waste: the terminal's first table. */
    public static Table overview(Comparison c) {
        return full(c).select(List.of("strategy", "slo_attainment", "meets_slo_target", "cost_usd",
                "cost_per_useful_mtok_usd", "ttft_p99_ms", "tpot_p99_ms", "wasted_tokens"));
    }

    /** Fleet size, utilization, spend by pool and fixed costs: the terminal's second table. */
    public static Table spend(Comparison c) {
        List<String> keys = new ArrayList<>(List.of("strategy", "gpus", "utilization", "idle_cost_usd"));
        c.poolNames().forEach(p -> keys.add(POOL_PREFIX + p));
        keys.add(FIXED);
        return full(c).select(keys);
    }

    /** Utilization of the whole fleet: each pool's weighted by its GPUs. */
    static double gpuWeightedUtilization(RunResult r) {
        double gpus = r.pools().stream().mapToInt(PoolResult::gpus).sum();
        return gpus == 0 ? Double.NaN
                : r.pools().stream().mapToDouble(p -> p.utilization() * p.gpus()).sum() / gpus;
    }
}
