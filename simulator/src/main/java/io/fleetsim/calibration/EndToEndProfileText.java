package io.fleetsim.calibration;

import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.StepTimeMethod;
import java.math.BigDecimal;
import java.util.List;

/**
 * End-to-end profiles as the text of a profiles file, in the format {@link EndToEndProfileReader}
 * reads: the parameters written so that reading them back gives them exactly, the errors as
 * percentages with two decimals (exact for errors {@link LatencyError#rounded rounded} as profiles
 * hold them).
 */
public final class EndToEndProfileText {

    private EndToEndProfileText() {
    }

    /** A whole profiles file: a header comment, then the entries. */
    public static String file(List<EndToEndProfile> profiles, String header) {
        StringBuilder sb = new StringBuilder();
        header.lines().forEach(l -> sb.append("# ").append(l).append('\n'));
        sb.append("profiles:\n");
        profiles.forEach(p -> sb.append(entry(p)));
        return sb.toString();
    }

    /** One entry of the {@code profiles:} list. */
    public static String entry(EndToEndProfile p) {
        PerformanceSpec s = p.performance();
        StringBuilder sb = new StringBuilder();
        sb.append("  - name: ").append(p.name()).append('\n');
        sb.append("    gpu: ").append(p.gpu()).append('\n');
        sb.append("    engine: ").append(p.engine()).append('\n');
        sb.append("    engine_versions: [").append(String.join(", ", p.engineVersions().stream()
                .map(EndToEndProfileText::quoted).toList())).append("]\n");
        if (!p.pinnedVersion().isEmpty()) {
            sb.append("    engine_version: ").append(quoted(p.pinnedVersion())).append('\n');
        }
        sb.append("    precision: ").append(p.precision()).append('\n');
        sb.append("    compute_efficiency: ").append(plain(s.computeEfficiency())).append('\n');
        sb.append("    memory_efficiency: ").append(plain(s.memoryEfficiency())).append('\n');
        sb.append("    iteration_overhead: ").append(milliseconds(s.iterationOverheadSeconds())).append('\n');
        if (s.method() == StepTimeMethod.KERNELS) {
            sb.append("    step_time: kernels\n");
            sb.append("    engine_iteration_overhead: ").append(milliseconds(s.engineIterationSeconds())).append('\n');
            sb.append("    engine_sequence_overhead: ").append(microseconds(s.engineSequenceSeconds())).append('\n');
            sb.append("    engine_token_overhead: ").append(microseconds(s.engineTokenSeconds())).append('\n');
        }
        sb.append("    request_latency: ").append(milliseconds(p.requestLatencySeconds())).append('\n');
        if (s.requestLatencyPerInFlightSeconds() > 0) {
            sb.append("    request_latency_per_in_flight: ").append(microseconds(s.requestLatencyPerInFlightSeconds()))
                    .append('\n');
        }
        if (!Double.isNaN(p.mtpAcceptance())) {
            sb.append("    mtp_acceptance: ").append(plain(p.mtpAcceptance())).append('\n');
        }
        sb.append("    models: [").append(String.join(", ", p.models())).append("]\n");
        sb.append("    deployments: ").append(p.deployments()).append('\n');
        sb.append("    data: ").append(quoted(p.data())).append('\n');
        sb.append("    fitted_by: ").append(quoted(p.fittedBy())).append('\n');
        sb.append("    training: {").append(errorFields(p.training())).append("}\n");
        p.crossValidated().ifPresent(c -> sb.append("    cross_validated: {folds: ").append(c.folds()).append(", ")
                .append(errorFields(c.error())).append(c.kneeCapacity().map(k -> ", knee_capacity_ratio: {curves: "
                        + k.curves() + ", p10: " + plain(k.p10()) + ", median: " + plain(k.median()) + ", p90: "
                        + plain(k.p90()) + "}").orElse("")).append("}\n"));
        return sb.toString();
    }

    static String errorFields(LatencyError e) {
        return "points: " + e.points() + ", ttft_ape_median_pct: " + percent(e.ttftMedian()) + ", ttft_ape_p90_pct: "
                + percent(e.ttftP90()) + ", tpot_ape_median_pct: " + percent(e.tpotMedian()) + ", tpot_ape_p90_pct: "
                + percent(e.tpotP90());
    }

    static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Seconds as microseconds to the nanosecond, e.g. {@code 12.345us}. */
    private static String microseconds(double seconds) {
        return BigDecimal.valueOf(Math.round(seconds * 1e9)).movePointLeft(3).stripTrailingZeros().toPlainString()
                + "us";
    }

    /** Seconds as milliseconds to the microsecond, e.g. {@code 11.155ms}. */
    static String milliseconds(double seconds) {
        return BigDecimal.valueOf(Math.round(seconds * 1e6)).movePointLeft(3).stripTrailingZeros().toPlainString()
                + "ms";
    }
}
