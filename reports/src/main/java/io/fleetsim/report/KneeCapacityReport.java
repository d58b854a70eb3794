package io.fleetsim.report;

import io.fleetsim.validation.Deployment;
import io.fleetsim.validation.KneeCapacity;
import java.util.Locale;
import java.util.Map;

/**
 * How well fleetsim predicts the capacity a planner sizes by, as {@code validate-model} and
 * {@code calibrate} print it and as {@code knee-capacity.csv} (one row per curve).
 */
public final class KneeCapacityReport {

    private KneeCapacityReport() {
    }

    /** The printed lines: overall, then per engine. */
    public static String text(KneeCapacity k) {
        KneeCapacity.Summary all = k.summary();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Capacity at the SLO knee (requests/s where "
                + "TPOT reaches %.1fx the curve's lowest-concurrency measured TPOT; %,d curves of %d+ client counts "
                + "whose measured knee is inside their range), predicted / measured:%n", k.sloFactor(), all.curves(),
                KneeCapacity.MIN_POINTS));
        if (all.curves() == 0) {
            return sb.append("  no such curve\n").toString();
        }
        sb.append(line("all", all));
        for (Map.Entry<String, KneeCapacity.Summary> e : k.byBackend().entrySet()) {
            sb.append(line(e.getKey(), e.getValue()));
        }
        return sb.toString();
    }

    private static String line(String name, KneeCapacity.Summary s) {
        return String.format(Locale.ROOT, "  %-7s %,4d curves: median %.2fx (p10 %.2fx, p90 %.2fx), off by %.1f%% at "
                + "the median; %.0f%% more than 10%% too high, %.0f%% more than 10%% too low%n", name, s.curves(),
                s.median(), s.p10(), s.p90(), 100 * s.absError(), 100 * s.over(), 100 * s.under());
    }

    /** {@code knee-capacity.csv}: each curve's SLO and its measured and predicted knee capacity. */
    public static String csv(KneeCapacity k) {
        Table t = new Table(Column.of("system", ValueFormat.TEXT), Column.of("backend", ValueFormat.TEXT),
                Column.of("backend_version", ValueFormat.TEXT), Column.of("model", ValueFormat.TEXT),
                Column.of("precision", ValueFormat.TEXT), Column.of("layout", ValueFormat.TEXT),
                Column.of("isl", ValueFormat.COUNT), Column.of("osl", ValueFormat.COUNT),
                Column.of("tpot_slo_ms", ValueFormat.MILLIS), Column.of("measured_rps", ValueFormat.DECIMAL),
                Column.of("predicted_rps", ValueFormat.DECIMAL), Column.of("ratio", ValueFormat.DECIMAL));
        for (KneeCapacity.Curve c : k.curves()) {
            Deployment d = c.deployment();
            t.addRow(d.system(), d.backend(), d.backendVersion(), d.model(), d.precision(),
                    d.layout().describe() + (d.split() == null ? "" : "; " + d.split().describe()), c.promptTokens(),
                    c.outputTokens(), c.tpotSloMs(), c.measuredRps(), c.predictedRps(), c.ratio());
        }
        return CsvTableRenderer.render(t);
    }
}
