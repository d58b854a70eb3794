package io.fleetsim.report;

/**
 * One column of a {@link Table}.
 *
 * @param key    machine name, with its unit (CSV header, JSON field), e.g. {@code ttft_p99_ms}
 * @param label  what people see in the header, e.g. {@code ttft p99}
 * @param format how its values are written
 */
public record Column(String key, String label, ValueFormat format) {

    /** A column whose label is its key. */
    public static Column of(String key, ValueFormat format) {
        return new Column(key, key, format);
    }
}
