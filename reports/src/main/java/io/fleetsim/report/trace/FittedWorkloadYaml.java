package io.fleetsim.report.trace;

import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.trace.Trace;
import io.fleetsim.trace.TraceFit;
import io.fleetsim.trace.TraceStats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code workload:} block printed by {@code fleetsim trace fit}: ready to paste into a
 * scenario, with comments saying what was fitted and what was not.
 */
public final class FittedWorkloadYaml {

    /** Gaps whose CV is this close to 1 are called Poisson. */
    private static final double POISSON_CV_TOLERANCE = 0.1;

    private FittedWorkloadYaml() {
    }

    /** The workload block fitted to {@code trace}. */
    public static String render(Trace trace, TraceFit fit, TraceStats stats) {
        boolean poisson = !(Math.abs(fit.gapCv() - 1) > POISSON_CV_TOLERANCE);
        StringBuilder y = new StringBuilder();
        y.append("# Fitted by fleetsim trace fit to ").append(trace.source()).append('\n');
        y.append("#   ").append(trace.describe()).append('\n');
        double cv = Math.max(ArrivalSpec.Gamma.MIN_CV, Math.min(ArrivalSpec.Gamma.MAX_CV, fit.gapCv()));
        y.append(String.format(Locale.ROOT, "# Gaps: CV %.2f%s, so %s%s.%n", fit.gapCv(),
                fit.hourly().isPresent() ? " after removing the hourly profile" : "",
                poisson ? "Poisson" : "a gamma renewal process",
                cv != fit.gapCv() ? " (cv limited to " + number(cv) + ", the range a scenario takes)" : ""));
        y.append(String.format(Locale.ROOT, "# Lengths: lognormal by median and p99, each on its own%n"
                + "#   (the trace's prompt/output Spearman correlation, %.2f, is not kept).%n",
                stats.lengthSpearman()));
        y.append("# A trace records no latency targets: set the route's slo to yours.\n");
        y.append("workload:\n");
        y.append("  arrivals:\n");
        y.append("    process: ").append(poisson ? "poisson" : "gamma").append('\n');
        y.append("    rate_per_s: ").append(number(fit.ratePerSecond())).append('\n');
        if (!poisson) {
            y.append("    cv: ").append(number(cv)).append('\n');
        }
        fit.hourly().ifPresent(hourly -> y.append("    diurnal:\n")
                .append("      start_hour: ").append(String.format(Locale.ROOT, "%.2f",
                        Math.floor(fit.startHour() * 100) / 100)).append('\n')
                .append("      hourly: [").append(multipliers(hourly)).append("]\n"));
        y.append("  routes:\n");
        y.append("    - name: traced\n");
        y.append("      prompt_tokens: ").append(lognormal(fit.prompt())).append('\n');
        y.append("      output_tokens: ").append(lognormal(fit.output())).append('\n');
        y.append("      slo: {ttft: 1s, tpot: 100ms}\n");
        return y.toString();
    }

    private static String lognormal(TraceFit.LengthFit f) {
        return String.format(Locale.ROOT, "{dist: lognormal, median: %.0f, p99: %.0f, max: %.0f}", f.median(), f.p99(),
                f.max());
    }

    private static String multipliers(List<Double> hourly) {
        return hourly.stream().map(m -> String.format(Locale.ROOT, "%.3f", m)).collect(Collectors.joining(", "));
    }

    /** Four significant digits, without exponent or trailing zeros. */
    private static String number(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
