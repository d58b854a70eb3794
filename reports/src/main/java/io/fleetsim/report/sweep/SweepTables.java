package io.fleetsim.report.sweep;

import io.fleetsim.report.Column;
import io.fleetsim.report.Table;
import io.fleetsim.report.ValueFormat;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.FieldPath;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.PoolEstimate;
import io.fleetsim.sweep.SplitEstimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a sweep's configurations: one row per configuration, its settings, then every
 * figure as mean and 95% confidence half-width ({@code _ci95} columns). The full table goes to
 * CSV; {@link #terminal} picks what fits a terminal.
 */
public final class SweepTables {

    /** The figures of every row, with the format of their values. */
    private static final Map<Metric, ValueFormat> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put(Metric.COST_PER_USEFUL_MTOK, ValueFormat.USD_PER_MTOK);
        FIGURES.put(Metric.SLO_ATTAINMENT, ValueFormat.SHARE);
        FIGURES.put(Metric.TTFT_P99_MS, ValueFormat.MILLIS);
        FIGURES.put(Metric.TPOT_P99_MS, ValueFormat.MILLIS);
        FIGURES.put(Metric.TOTAL_COST_USD, ValueFormat.USD);
        FIGURES.put(Metric.RESERVED_SHARE, ValueFormat.SHARE);
    }

    private static final Map<Metric, String> LABELS = Map.of(
            Metric.COST_PER_USEFUL_MTOK, "$/useful 1M", Metric.SLO_ATTAINMENT, "SLO",
            Metric.TTFT_P99_MS, "ttft p99", Metric.TPOT_P99_MS, "tpot p99", Metric.TOTAL_COST_USD, "cost $",
            Metric.RESERVED_SHARE, "reserved");

    /** A disaggregated pool's figures ({@link SplitEstimate}), in its order, with their formats and labels. */
    private static final Map<String, ValueFormat> SPLIT_FIGURES = new LinkedHashMap<>();

    static {
        SPLIT_FIGURES.put("prefill_utilization", ValueFormat.SHARE);
        SPLIT_FIGURES.put("decode_utilization", ValueFormat.SHARE);
        SPLIT_FIGURES.put("prefill_batch_occupancy", ValueFormat.SHARE);
        SPLIT_FIGURES.put("decode_batch_occupancy", ValueFormat.SHARE);
        SPLIT_FIGURES.put("kv_transfer_p50_ms", ValueFormat.FINE_MILLIS);
        SPLIT_FIGURES.put("kv_transfer_p90_ms", ValueFormat.FINE_MILLIS);
    }

    private static final Map<String, String> SPLIT_LABELS = Map.of("prefill_utilization", "prefill util",
            "decode_utilization", "decode util", "prefill_batch_occupancy", "prefill occ.",
            "decode_batch_occupancy", "decode occ.", "kv_transfer_p50_ms", "xfer p50", "kv_transfer_p90_ms", "xfer p90");

    private SweepTables() {
    }

    /** Indices of the pools that are disaggregated in at least one of {@code points}. */
    private static List<Integer> splitPools(List<PointSummary> points) {
        List<Integer> out = new ArrayList<>();
        int pools = points.isEmpty() ? 0 : points.get(0).pools().size();
        for (int i = 0; i < pools; i++) {
            int index = i;
            if (points.stream().anyMatch(p -> p.pools().size() > index && p.pools().get(index).split() != null)) {
                out.add(i);
            }
        }
        return out;
    }

    private static String splitKey(String pool, String figure) {
        return "pool_" + pool + "_" + figure;
    }

    /**
     * All figures of {@code points}.
     *
     * @param dimensions the sweep's dimensions, one settings column each
     * @param judged     true to add the verdict against the constraints
     * @param front      indices of points on the Pareto front, or null for no such column
     */
    public static Table points(List<PointSummary> points, List<Dimension> dimensions, boolean judged,
                               Set<Integer> front) {
        List<Column> columns = settingColumns(dimensions);
        columns.add(new Column("replications", "n", ValueFormat.COUNT));
        if (judged) {
            columns.add(new Column("constraints", "constraints", ValueFormat.TEXT));
        }
        if (front != null) {
            columns.add(new Column("pareto_front", "front", ValueFormat.TEXT));
        }
        FIGURES.forEach((metric, format) -> {
            columns.add(new Column(key(metric), LABELS.get(metric), format));
            columns.add(new Column(key(metric) + "_ci95", "±", format));
        });
        List<String> pools = points.isEmpty() ? List.of()
                : points.get(0).pools().stream().map(PoolEstimate::name).toList();
        for (String pool : pools) {
            columns.add(new Column("pool_" + pool + "_cost_usd", pool + " $", ValueFormat.USD));
            columns.add(new Column("pool_" + pool + "_cost_usd_ci95", "±", ValueFormat.USD));
        }
        // last, and only for pools disaggregated in some configuration, so that other sweeps' columns stay put
        List<Integer> split = splitPools(points);
        String prefix = split.size() > 1 ? "%s " : "";
        for (int index : split) {
            String pool = pools.get(index);
            String label = String.format(prefix, pool);
            columns.add(new Column(splitKey(pool, "prefill_workers"), label + "prefill w.", ValueFormat.COUNT));
            columns.add(new Column(splitKey(pool, "decode_workers"), label + "decode w.", ValueFormat.COUNT));
            SPLIT_FIGURES.forEach((figure, format) -> {
                columns.add(new Column(splitKey(pool, figure), label + SPLIT_LABELS.get(figure), format));
                columns.add(new Column(splitKey(pool, figure) + "_ci95", "±", format));
            });
        }
        Table table = new Table(columns);
        for (int i = 0; i < points.size(); i++) {
            PointSummary p = points.get(i);
            List<Object> row = settingValues(p, dimensions, columns);
            row.add((long) p.n());
            if (judged) {
                row.add(p.verdict().id());
            }
            if (front != null) {
                row.add(front.contains(i) ? "yes" : "");
            }
            for (Metric m : FIGURES.keySet()) {
                Estimate e = p.estimate(m);
                row.add(e.mean());
                row.add(e.halfWidth());
            }
            for (PoolEstimate pool : p.pools()) {
                row.add(pool.costUsd().mean());
                row.add(pool.costUsd().halfWidth());
            }
            for (int index : split) {
                SplitEstimate x = p.pools().size() > index ? p.pools().get(index).split() : null;
                row.add(x == null ? null : (long) x.prefillWorkers());
                row.add(x == null ? null : (long) x.decodeWorkers());
                for (Estimate e : x == null ? Collections.<Estimate>nCopies(SPLIT_FIGURES.size(), null)
                        : List.of(x.prefillUtilization(), x.decodeUtilization(), x.prefillOccupancy(),
                                x.decodeOccupancy(), x.kvTransferP50Ms(),
                                x.kvTransferP90Ms())) {
                    row.add(e == null ? null : e.mean());
                    row.add(e == null ? null : e.halfWidth());
                }
            }
            table.addRow(row);
        }
        return table;
    }

    /**
     * The columns of {@link #points} shown on a terminal (about 100 characters wide): settings,
     * verdict and the main figures.
     */
    public static Table terminal(Table points, List<Dimension> dimensions) {
        List<String> keys = new ArrayList<>();
        for (Dimension d : dimensions) {
            keys.add(d.path());
        }
        keys.add("replications");
        for (String optional : List.of("constraints", "pareto_front")) {
            if (points.columns().stream().anyMatch(c -> c.key().equals(optional))) {
                keys.add(optional);
            }
        }
        for (Metric m : List.of(Metric.COST_PER_USEFUL_MTOK, Metric.SLO_ATTAINMENT)) {
            keys.add(key(m));
            keys.add(key(m) + "_ci95");
        }
        keys.add(key(Metric.TTFT_P99_MS));
        keys.add(key(Metric.TOTAL_COST_USD));
        // a disaggregated pool's busier side and its transfers: why one split beats another
        for (var c : points.columns()) {
            if (c.key().startsWith("pool_") && (c.key().endsWith("_prefill_utilization")
                    || c.key().endsWith("_decode_utilization") || c.key().endsWith("_kv_transfer_p90_ms"))) {
                keys.add(c.key());
            }
        }
        return points.select(keys);
    }

    /**
     * Runner-ups against the best: settings, verdict, the objective and its paired difference to
     * the best with half-width (common random numbers), and SLO attainment.
     */
    public static Table runnerUps(List<PointSummary> runnerUps, PointSummary best, Metric objective,
                                  List<Dimension> dimensions) {
        ValueFormat format = FIGURES.get(objective);
        List<Column> columns = settingColumns(dimensions);
        columns.add(new Column("replications", "n", ValueFormat.COUNT));
        columns.add(new Column("constraints", "constraints", ValueFormat.TEXT));
        columns.add(new Column(key(objective), LABELS.get(objective), format));
        columns.add(new Column("vs_best", "vs best", format));
        columns.add(new Column("vs_best_ci95", "±", format));
        columns.add(new Column(key(Metric.SLO_ATTAINMENT), "SLO", ValueFormat.SHARE));
        columns.add(new Column(key(Metric.SLO_ATTAINMENT) + "_ci95", "±", ValueFormat.SHARE));
        Table table = new Table(columns);
        for (PointSummary p : runnerUps) {
            List<Object> row = settingValues(p, dimensions, columns);
            Estimate e = p.estimate(objective);
            Estimate d = Estimate.ofDifference(p.values(objective), best.values(objective));
            Estimate slo = p.estimate(Metric.SLO_ATTAINMENT);
            row.addAll(List.of((long) p.n(), p.verdict().id(), e.mean(), d.mean(), d.halfWidth(),
                    slo.mean(), slo.halfWidth()));
            table.addRow(row);
        }
        return table;
    }

    /** The column key of a metric's mean, with its unit, e.g. {@code cost_per_useful_mtok_usd}. */
    public static String key(Metric m) {
        return switch (m) {
            case COST_PER_USEFUL_MTOK -> "cost_per_useful_mtok_usd";
            default -> m.id();
        };
    }

    /** The column label of a metric, e.g. {@code $/useful 1M}. */
    public static String label(Metric m) {
        return LABELS.get(m);
    }

    /** The format of a metric's values. */
    public static ValueFormat format(Metric m) {
        return FIGURES.get(m);
    }

    private static List<Column> settingColumns(List<Dimension> dimensions) {
        List<Column> columns = new ArrayList<>();
        for (Dimension d : dimensions) {
            boolean whole = d.values().stream().allMatch(v -> v.matches("[-+]?\\d{1,18}"));
            columns.add(new Column(d.path(), FieldPath.parse(d.path()).label(),
                    whole ? ValueFormat.COUNT : ValueFormat.TEXT));
        }
        return columns;
    }

    private static List<Object> settingValues(PointSummary p, List<Dimension> dimensions, List<Column> columns) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            String v = p.configuration().valueOf(dimensions.get(i).path());
            row.add(columns.get(i).format() == ValueFormat.COUNT ? (Object) Long.parseLong(v.replace("+", "")) : v);
        }
        return row;
    }
}
