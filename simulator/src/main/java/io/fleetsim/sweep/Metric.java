package io.fleetsim.sweep;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * A figure of a run that a sweep estimates and that objectives and constraints name. Each knows
 * whether more is better and how it moves when a pool gets more replicas, which is what lets the
 * optimizer search capacity by bisection.
 */
public enum Metric {
    /** Total cost per million useful tokens, dollars. */
    COST_PER_USEFUL_MTOK("cost_per_useful_mtok", false, 1, PointMetrics::costPerUsefulMtokUsd),
    /** Within-SLO share of requests that reached an outcome. */
    SLO_ATTAINMENT("slo_attainment", true, 1, PointMetrics::sloAttainment),
    /** 99th percentile time to first token, milliseconds. */
    TTFT_P99_MS("ttft_p99_ms", false, -1, PointMetrics::ttftP99Ms),
    /** 99th percentile time per output token, milliseconds. */
    TPOT_P99_MS("tpot_p99_ms", false, -1, PointMetrics::tpotP99Ms),
    /** Everything paid over the horizon, dollars. */
    TOTAL_COST_USD("total_cost_usd", false, 1, PointMetrics::totalCostUsd),
    /** Share of paid GPU-hours that are reserved. */
    RESERVED_SHARE("reserved_share", false, 0, PointMetrics::reservedShare);

    private final String id;
    private final boolean higherIsBetter;
    private final int capacityTrend;
    private final ToDoubleFunction<PointMetrics> value;

    Metric(String id, boolean higherIsBetter, int capacityTrend, ToDoubleFunction<PointMetrics> value) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
        this.capacityTrend = capacityTrend;
        this.value = value;
    }

    /** The name used on the command line and in files, e.g. {@code slo_attainment}. */
    public String id() {
        return id;
    }

    /** True when a larger value is better (SLO attainment); false for costs and latencies. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * How the metric moves when a pool gets more replicas, all else equal: +1 up (cost, SLO
     * attainment), -1 down (latency percentiles), 0 no rule.
     */
    public int capacityTrend() {
        return capacityTrend;
    }

    /** This metric's value in {@code metrics}. */
    public double of(PointMetrics metrics) {
        return value.applyAsDouble(metrics);
    }

    /** True when {@code a} is strictly better than {@code b}; NaN is worse than anything. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }

    /** The metric named {@code id}; the error lists the names. */
    public static Metric fromId(String id) {
        for (Metric m : values()) {
            if (m.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "'; metrics: " + ids());
    }

    /** Every metric name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", "));
    }
}
