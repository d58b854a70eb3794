package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One point of a sweep: the scenario with these settings applied, one per dimension, in the order
 * the dimensions were given.
 *
 * @param settings the edits, in dimension order
 */
public record Configuration(List<Setting> settings) {

    public Configuration {
        settings = List.copyOf(settings);
    }

    /** What identifies this configuration in results files: {@code path=value, path=value}. */
    public String key() {
        return keyOf(settings);
    }

    /** The value this configuration gives {@code path}, or null. */
    public String valueOf(String path) {
        for (Setting s : settings) {
            if (s.path().equals(path)) {
                return s.value();
            }
        }
        return null;
    }

    /** This configuration with {@code more} settings after its own. */
    public Configuration plus(List<Setting> more) {
        List<Setting> all = new ArrayList<>(settings);
        all.addAll(more);
        return new Configuration(all);
    }

    /** This configuration without its setting of {@code path}. */
    public Configuration without(String path) {
        return new Configuration(settings.stream().filter(s -> !s.path().equals(path)).toList());
    }

    /** {@code path=value, path=value}, or {@code (as written)} for no settings. */
    static String keyOf(List<Setting> settings) {
        return settings.isEmpty() ? "(as written)"
                : settings.stream().map(Setting::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key();
    }
}
