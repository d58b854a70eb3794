package io.fleetsim.sweep;

import java.util.Map;
import java.util.TreeMap;

/**
 * How to reach a cluster engine.
 *
 * @param master  the engine's master URL (e.g. {@code local[2]}, {@code spark://host:7077}), or null
 *                to take the engine's own setting (what {@code spark-submit --master} set)
 * @param conf    engine settings passed through unchanged, sorted by key
 * @param appName the name the job is shown under
 */
public record ClusterSettings(String master, Map<String, String> conf, String appName) {

    public ClusterSettings {
        conf = Map.copyOf(new TreeMap<>(conf));
    }
}
