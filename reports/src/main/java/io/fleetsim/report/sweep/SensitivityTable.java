package io.fleetsim.report.sweep;

import io.fleetsim.report.Column;
import io.fleetsim.report.Table;
import io.fleetsim.report.ValueFormat;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.SensitivityRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The chosen fleet as chosen and under each perturbation: one row each, means with half-widths
 * and the change from the fleet as chosen. The change is a paired difference: replication i of
 * both ran on the same seed, so it is much more precise than the two estimates apart.
 */
public final class SensitivityTable {

    private static final List<Metric> FIGURES = List.of(Metric.COST_PER_USEFUL_MTOK, Metric.SLO_ATTAINMENT,
            Metric.TTFT_P99_MS, Metric.TOTAL_COST_USD);

    private SensitivityTable() {
    }

    /** The table: {@code chosen} first, then each row of {@code rows}. */
    public static Table of(PointSummary chosen, List<SensitivityRow> rows) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("change", "change", ValueFormat.TEXT));
        columns.add(new Column("constraints", "constraints", ValueFormat.TEXT));
        for (Metric m : FIGURES) {
            String key = SweepTables.key(m);
            ValueFormat format = SweepTables.format(m);
            columns.add(new Column(key, SweepTables.label(m), format));
            columns.add(new Column(key + "_ci95", "±", format));
            columns.add(new Column("change_" + key, "change", format));
            columns.add(new Column("change_" + key + "_ci95", "±", format));
        }
        Table table = new Table(columns);
        table.addRow(row("as chosen", chosen, chosen));
        for (SensitivityRow r : rows) {
            table.addRow(row(r.perturbation().name(), r.summary(), chosen));
        }
        return table;
    }

    /** The columns shown on a terminal: values and their change with its half-width. */
    public static Table terminal(Table full) {
        List<String> keys = new ArrayList<>(List.of("change", "constraints"));
        for (Metric m : List.of(Metric.COST_PER_USEFUL_MTOK, Metric.SLO_ATTAINMENT)) {
            String key = SweepTables.key(m);
            keys.addAll(List.of(key, "change_" + key, "change_" + key + "_ci95"));
        }
        keys.add(SweepTables.key(Metric.TOTAL_COST_USD));
        return full.select(keys);
    }

    private static List<Object> row(String change, PointSummary p, PointSummary chosen) {
        List<Object> row = new ArrayList<>();
        row.add(change);
        row.add(p == null ? "n/a" : p.verdict().id());
        for (Metric m : FIGURES) {
            Estimate e = p == null ? null : p.estimate(m);
            Estimate d = p == null ? null : Estimate.ofDifference(p.values(m), chosen.values(m));
            row.add(e == null ? null : e.mean());
            row.add(e == null ? null : e.halfWidth());
            row.add(d == null ? null : d.mean());
            row.add(d == null ? null : d.halfWidth());
        }
        return row;
    }
}
