package io.fleetsim.report.sweep;

import io.fleetsim.report.Column;
import io.fleetsim.report.Table;
import io.fleetsim.report.ValueFormat;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.SensitivityRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The chosen fleet as chosen and under each perturbation: one row each, means and half-widths. */
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
            columns.add(new Column(SweepTables.key(m), label(m), SweepTables.format(m)));
            columns.add(new Column(SweepTables.key(m) + "_ci95", "±", SweepTables.format(m)));
        }
        Table table = new Table(columns);
        table.addRow(row("as chosen", chosen));
        for (SensitivityRow r : rows) {
            table.addRow(row(r.perturbation().name(), r.summary()));
        }
        return table;
    }

    private static List<Object> row(String change, PointSummary p) {
        List<Object> row = new ArrayList<>(Arrays.asList(change, p == null ? "n/a" : p.verdict().id()));
        for (Metric m : FIGURES) {
            Estimate e = p == null ? null : p.estimate(m);
            row.add(e == null ? null : e.mean());
            row.add(e == null ? null : e.halfWidth());
        }
        return row;
    }

    private static String label(Metric m) {
        return switch (m) {
            case COST_PER_USEFUL_MTOK -> "$/useful 1M";
            case SLO_ATTAINMENT -> "SLO";
            case TTFT_P99_MS -> "ttft p99";
            default -> "cost $";
        };
    }
}
