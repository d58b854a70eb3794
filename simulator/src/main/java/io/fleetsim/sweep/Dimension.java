package io.fleetsim.sweep;

import java.util.List;

/**
 * One {@code --vary PATH=VALUES}: a field of the scenario and the values it takes in a sweep.
 *
 * @param path   the field, as the user wrote it
 * @param values the values in the order given (ranges expanded)
 */
public record Dimension(String path, List<String> values) {

    public Dimension {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a dimension needs a value");
        }
    }

    /**
     * Parses {@code PATH=VALUES}: {@code VALUES} is a comma-separated list whose items are single
     * values or ranges {@code FROM..TO[:STEP]} (see {@link ValueList}). Throws
     * {@link SweepInputException} naming the variation.
     */
    public static Dimension parse(String option) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw new SweepInputException(SweepInput.VARIATION, option, "write PATH=VALUES, e.g. "
                    + "pools[0].replicas=2..10:2 or pools[spot].gpu=H100-SXM-80GB,A100-SXM-80GB");
        }
        String path = option.substring(0, eq).strip();
        FieldPath.parse(path);
        try {
            return new Dimension(path, ValueList.expand(option.substring(eq + 1)));
        } catch (IllegalArgumentException e) {
            throw new SweepInputException(SweepInput.VARIATION, path, e.getMessage());
        }
    }

    /** The settings this dimension makes, one per value. */
    public List<Setting> settings() {
        return values.stream().map(v -> new Setting(path, v)).toList();
    }
}
