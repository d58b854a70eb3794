package io.fleetsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the values of one table column are written: for people (terminal, HTML: thousands
 * separators, percentages, a sensible number of decimals) and for machines (CSV, JSON: plain
 * numbers, shares as 0..1, a fixed rounding so that output is byte-identical run to run). A
 * missing or non-finite number is {@code n/a} for people and empty for machines.
 */
public enum ValueFormat {
    /** Free text, left-aligned. */
    TEXT(6),
    /** A whole number of things. */
    COUNT(0),
    /** A measured quantity such as GPU-hours or requests per second. */
    DECIMAL(6),
    /** A duration in milliseconds. */
    MILLIS(3),
    /**
     * A duration in milliseconds that may be well under one (a KV transfer over NVLink): shown
     * with microseconds below 10 ms.
     */
    FINE_MILLIS(3),
    /** A share, shown as a percentage, written as 0..1. */
    SHARE(6),
    /** Dollars. */
    USD(4),
    /** Dollars per million tokens. */
    USD_PER_MTOK(6);

    private final int machineDecimals;

    ValueFormat(int machineDecimals) {
        this.machineDecimals = machineDecimals;
    }

    /** True when the column's text is aligned to the right (numbers). */
    public boolean rightAligned() {
        return this != TEXT;
    }

    /** {@code value} as people read it. */
    public String display(Object value) {
        if (this == TEXT || value instanceof String) {
            return value == null ? "" : value.toString();
        }
        if (!isNumber(value)) {
            return "n/a";
        }
        double v = ((Number) value).doubleValue();
        return switch (this) {
            case COUNT -> String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
            case DECIMAL -> String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%,.1f", v);
            case MILLIS -> String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.1f", v);
            case FINE_MILLIS -> Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.3f", v) : MILLIS.display(v);
            case SHARE -> String.format(Locale.ROOT, "%.2f%%", v * 100);
            case USD -> String.format(Locale.ROOT, "%,.2f", v);
            case USD_PER_MTOK -> String.format(Locale.ROOT, "%.4f", v);
            case TEXT -> throw new AssertionError();
        };
    }

    /** {@code value} as CSV and JSON files hold it; empty when missing. */
    public String machine(Object value) {
        if (this == TEXT || value instanceof String) {
            return value == null ? "" : value.toString();
        }
        if (!isNumber(value)) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        return plain(((Number) value).doubleValue(), machineDecimals);
    }

    /** {@code value} rounded half-even to {@code decimals}, without exponent or trailing zeros. */
    public static String plain(double value, int decimals) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static boolean isNumber(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue());
    }
}
