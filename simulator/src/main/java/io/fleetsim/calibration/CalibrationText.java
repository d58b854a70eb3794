package io.fleetsim.calibration;

import io.fleetsim.spec.PerformanceSpec;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A calibration as text: the {@code performance:} block to paste into a pool, the error table, and
 * an entry for the profiles file in the format {@link ProfileReader} reads. Numbers are written so
 * that reading them back gives the fitted factors exactly.
 */
public final class CalibrationText {

    private CalibrationText() {
    }

    /** The {@code performance:} block, indented to sit among a pool's fields. */
    public static String performanceBlock(PerformanceSpec p) {
        return "    performance:\n"
                + "      compute_efficiency: " + plain(p.computeEfficiency()) + "\n"
                + "      memory_efficiency: " + plain(p.memoryEfficiency()) + "\n"
                + "      iteration_overhead: " + milliseconds(p.iterationOverheadSeconds()) + "\n";
    }

    /** What was fitted on which points, as a sentence. */
    public static String summary(Calibration c, List<Measurement> points, String data) {
        HoldOutSplit s = c.split();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, %s: %d points in %d configurations (models %s; tensor_parallel %s).%n",
                c.gpu().name(), data, points.size(), s.configurations(), String.join(", ", models(points)),
                String.join(", ", degrees(points).stream().map(String::valueOf).toList())));
        if (s.heldOut().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "Fitted on all %d points; none held out.%n", s.training().size()));
        } else {
            sb.append(String.format(Locale.ROOT, "Fitted on %d points; held out %d points (%d of %d configurations).%n",
                    s.training().size(), s.heldOut().size(), s.heldOutConfigurations(), s.configurations()));
        }
        return sb.toString();
    }

    /** The fit errors, one row for the fitted points and one for the held-out points. */
    public static String errorTable(Calibration c) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %7s %12s %12s %14s %14s%n",
                "absolute % error", "points", "prefill p50", "prefill p90", "per-token p50", "per-token p90"));
        sb.append(errorRow("fitted points", c.training()));
        c.heldOut().ifPresent(e -> sb.append(errorRow("held-out points", e)));
        return sb.toString();
    }

    /**
     * An entry for {@code profiles/calibrated.yaml}.
     *
     * @param name     the profile's name
     * @param points   all points of the calibration (for the models and degree they cover)
     * @param data     the points' file, as a path from the repository root
     * @param fittedBy the command that fitted them
     */
    public static String profileEntry(Calibration c, String name, List<Measurement> points, String data,
                                      String fittedBy) {
        PerformanceSpec p = c.performance();
        Set<Integer> degrees = degrees(points);
        StringBuilder sb = new StringBuilder();
        sb.append("  - name: ").append(name).append('\n');
        sb.append("    gpu: ").append(c.gpu().name()).append('\n');
        if (degrees.size() == 1) {
            sb.append("    tensor_parallel: ").append(degrees.iterator().next()).append('\n');
        }
        sb.append("    compute_efficiency: ").append(plain(p.computeEfficiency())).append('\n');
        sb.append("    memory_efficiency: ").append(plain(p.memoryEfficiency())).append('\n');
        sb.append("    iteration_overhead: ").append(milliseconds(p.iterationOverheadSeconds())).append('\n');
        sb.append("    models: [").append(String.join(", ", models(points))).append("]\n");
        sb.append("    data: ").append(data).append('\n');
        sb.append("    fitted_by: ").append(fittedBy).append('\n');
        sb.append("    training: ").append(errorFields(c.training())).append('\n');
        c.heldOut().ifPresent(e -> sb.append("    held_out: ").append(errorFields(e)).append('\n'));
        return sb.toString();
    }

    /** A fraction as a percentage with one decimal, e.g. {@code 5.9}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", fraction * 100);
    }

    private static String errorRow(String label, FitError e) {
        return String.format(Locale.ROOT, "%-24s %7d %11s%% %11s%% %13s%% %13s%%%n", label, e.points(),
                percent(e.prefillMedian()), percent(e.prefillP90()), percent(e.perTokenMedian()),
                percent(e.perTokenP90()));
    }

    private static String errorFields(FitError e) {
        return "{points: " + e.points() + ", prefill_ape_median_pct: " + percent(e.prefillMedian())
                + ", prefill_ape_p90_pct: " + percent(e.prefillP90()) + ", per_token_ape_median_pct: "
                + percent(e.perTokenMedian()) + ", per_token_ape_p90_pct: " + percent(e.perTokenP90()) + "}";
    }

    private static Set<String> models(List<Measurement> points) {
        Set<String> out = new LinkedHashSet<>();
        points.forEach(m -> out.add(m.configuration().model()));
        return out;
    }

    private static Set<Integer> degrees(List<Measurement> points) {
        Set<Integer> out = new TreeSet<>();
        points.forEach(m -> out.add(m.configuration().tensorParallel()));
        return out;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Seconds as milliseconds to the microsecond, e.g. {@code 11.155ms}. */
    private static String milliseconds(double seconds) {
        return BigDecimal.valueOf(Math.round(seconds * 1e6)).movePointLeft(3).stripTrailingZeros().toPlainString()
                + "ms";
    }
}
