package io.fleetsim.sweep;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requirement on a metric, e.g. {@code slo_attainment>=0.99} or {@code ttft_p99_ms<=2000}; a
 * share may be written as a percentage ({@code slo_attainment>=99%}). Judged on the 95%
 * confidence interval of the metric's mean, not on the mean alone.
 *
 * @param metric    the metric constrained
 * @param atLeast   true for {@code >=}, false for {@code <=}
 * @param threshold the bound
 */
public record Constraint(Metric metric, boolean atLeast, double threshold) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z0-9_]+)\\s*(>=|<=)\\s*([-+0-9.eE]+)\\s*(%?)\\s*");

    /** Parses {@code metric>=value} or {@code metric<=value}; a {@link SweepInputException} names the text. */
    public static Constraint parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new SweepInputException(SweepInput.CONSTRAINT, text, "write METRIC>=VALUE or METRIC<=VALUE, "
                    + "e.g. slo_attainment>=0.99; metrics: " + Metric.ids());
        }
        Metric metric;
        try {
            metric = Metric.fromId(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new SweepInputException(SweepInput.CONSTRAINT, text, e.getMessage());
        }
        double value;
        try {
            value = new BigDecimal(m.group(3)).doubleValue();
        } catch (NumberFormatException e) {
            throw new SweepInputException(SweepInput.CONSTRAINT, text, "\"" + m.group(3) + "\" is not a number");
        }
        double threshold = m.group(4).isEmpty() ? value : value / 100;
        if (!Double.isFinite(threshold)) {
            throw new SweepInputException(SweepInput.CONSTRAINT, text, "the value must be a finite number");
        }
        if (isShare(metric) && (threshold < 0 || threshold > 1)) {
            throw new SweepInputException(SweepInput.CONSTRAINT, text, metric.id()
                    + " is a share between 0 and 1; write it as 0.99 or 99%" + (threshold > 1 && threshold <= 100
                    ? " (did you mean " + metric.id() + m.group(2) + m.group(3) + "%?)" : ""));
        }
        if (!isShare(metric) && threshold < 0) {
            throw new SweepInputException(SweepInput.CONSTRAINT, text, metric.id() + " is never negative");
        }
        return new Constraint(metric, m.group(2).equals(">="), threshold);
    }

    /** True for metrics that are shares, 0..1 (they may be written as percentages). */
    private static boolean isShare(Metric metric) {
        return metric == Metric.SLO_ATTAINMENT || metric == Metric.RESERVED_SHARE;
    }

    /** Where {@code estimate} stands against this constraint. */
    public Verdict judge(Estimate estimate) {
        if (Double.isNaN(estimate.mean())) {
            return Verdict.MISSED;
        }
        double h = Double.isNaN(estimate.halfWidth()) ? Double.POSITIVE_INFINITY : estimate.halfWidth();
        double worst = atLeast ? estimate.mean() - h : estimate.mean() + h;
        double best = atLeast ? estimate.mean() + h : estimate.mean() - h;
        if (satisfied(worst)) {
            return Verdict.MET;
        }
        return satisfied(best) ? Verdict.MARGINAL : Verdict.MISSED;
    }

    /** True when {@code value} is on the right side of the threshold. */
    public boolean satisfied(double value) {
        return atLeast ? value >= threshold : value <= threshold;
    }

    /**
     * True when more replicas can only help meet this constraint (SLO attainment at least, a
     * latency percentile at most), which is what makes bisection on capacity valid.
     */
    public boolean helpedByCapacity() {
        return atLeast ? metric.capacityTrend() > 0 : metric.capacityTrend() < 0;
    }

    /** As on the command line, e.g. {@code slo_attainment>=0.99}. */
    @Override
    public String toString() {
        return metric.id() + (atLeast ? ">=" : "<=") + BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
    }
}
