package io.fleetsim.sweep;

/**
 * One edit of a scenario: the field at {@code path} takes {@code value}, e.g.
 * {@code pools[reserved].replicas} = {@code 4}.
 *
 * @param path  a field path as {@link FieldPath} reads it, as the user wrote it
 * @param value the value as text; see {@link FieldValue} for how it is typed
 */
public record Setting(String path, String value) {

    /** {@code path=value}, as on the command line. */
    @Override
    public String toString() {
        return path + "=" + value;
    }
}
