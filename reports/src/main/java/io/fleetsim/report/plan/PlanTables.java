package io.fleetsim.report.plan;

import io.fleetsim.plan.MonthlyVolumes;
import io.fleetsim.plan.PlanDecision;
import io.fleetsim.plan.PlanResult;
import io.fleetsim.plan.PlanRow;
import io.fleetsim.plan.PlanStrategy;
import io.fleetsim.report.Column;
import io.fleetsim.report.Table;
import io.fleetsim.report.ValueFormat;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables of a plan: the decision per volume (winner, its cost per useful token and interval,
 * runner-up, margin, batch occupancy, each strategy's cost) and every strategy at every volume.
 */
public final class PlanTables {

    private PlanTables() {
    }

    /** One row per volume: the decision, then each strategy's cost per useful 1M tokens ("missed" when it does not meet). */
    public static Table decisions(PlanResult plan) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("volume_tokens_per_month", "volume/month", ValueFormat.TEXT),
                new Column("requests_per_s", "req/s", ValueFormat.TEXT),
                new Column("winner", "winner", ValueFormat.TEXT),
                new Column("winner_usd_per_useful_mtok", "$/useful 1M", ValueFormat.USD_PER_MTOK),
                new Column("winner_usd_per_useful_mtok_ci95", "±", ValueFormat.USD_PER_MTOK),
                new Column("runner_up", "runner-up", ValueFormat.TEXT),
                new Column("margin_usd_per_useful_mtok", "margin", ValueFormat.USD_PER_MTOK),
                new Column("winner_batch_occupancy", "occupancy", ValueFormat.SHARE)));
        for (PlanStrategy s : plan.strategies()) {
            columns.add(new Column(s.id() + "_usd_per_useful_mtok", s.id(), ValueFormat.TEXT));
        }
        Table t = new Table(columns);
        for (PlanDecision d : plan.decisions()) {
            List<Object> row = new ArrayList<>();
            row.add(MonthlyVolumes.label(d.volume()));
            row.add(String.format(Locale.ROOT, "%.3g", d.ratePerS()));
            PlanRow w = d.winner();
            row.add(w == null ? "none meets" : w.strategy().id());
            row.add(w == null ? Double.NaN : w.costPerUsefulMtok().mean());
            row.add(w == null ? Double.NaN : w.costPerUsefulMtok().halfWidth());
            row.add(d.runnerUp() == null ? "" : d.runnerUp().strategy().id());
            row.add(d.margin());
            row.add(w == null ? Double.NaN : w.batchOccupancy());
            for (PlanStrategy s : plan.strategies()) {
                row.add(cell(d.row(s)));
            }
            t.addRow(row);
        }
        return t;
    }

    /** One row per volume and strategy: its best sizing and figures. */
    public static Table rows(PlanResult plan) {
        Table t = new Table(
                new Column("volume_tokens_per_month", "volume", ValueFormat.DECIMAL),
                new Column("requests_per_s", "req/s", ValueFormat.DECIMAL),
                new Column("strategy", "strategy", ValueFormat.TEXT),
                new Column("verdict", "constraints", ValueFormat.TEXT),
                new Column("winner", "winner", ValueFormat.TEXT),
                new Column("sizing", "sizing", ValueFormat.TEXT),
                new Column("usd_per_useful_mtok", "$/useful 1M", ValueFormat.USD_PER_MTOK),
                new Column("usd_per_useful_mtok_ci95", "±", ValueFormat.USD_PER_MTOK),
                new Column("slo_attainment", "SLO", ValueFormat.SHARE),
                new Column("total_cost_usd", "cost $", ValueFormat.USD),
                new Column("batch_occupancy", "occupancy", ValueFormat.SHARE),
                new Column("at_range_top", "at top", ValueFormat.TEXT),
                new Column("note", "note", ValueFormat.TEXT));
        for (PlanDecision d : plan.decisions()) {
            for (PlanRow r : d.rows()) {
                Estimate c = r.costPerUsefulMtok();
                boolean none = r.best() == null;
                t.addRow(d.volume(), d.ratePerS(), r.strategy().id(),
                        none ? "not run" : r.best().verdict().id(),
                        r == d.winner() ? "yes" : "",
                        none ? "" : r.sizing(),
                        c.mean(), c.halfWidth(),
                        none ? Double.NaN : r.best().estimate(Metric.SLO_ATTAINMENT).mean(),
                        none ? Double.NaN : r.best().estimate(Metric.TOTAL_COST_USD).mean(),
                        r.batchOccupancy(), r.atRangeTop() ? "yes" : "",
                        r.skipped() == null ? "" : r.skipped());
            }
        }
        return t;
    }

    private static String cell(PlanRow r) {
        if (r == null) {
            return "";
        }
        if (r.best() == null) {
            return r.skipped() != null ? "n/a" : "missed";
        }
        String v = String.format(Locale.ROOT, "%.4f", r.costPerUsefulMtok().mean());
        return r.meets() ? v + (r.atRangeTop() ? "+" : "") : "missed";
    }
}
