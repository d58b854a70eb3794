package io.fleetsim.sweep;

import java.util.List;

/**
 * The result of one unit of work: one configuration, one replication. One JSON line of the
 * results file ({@link ResultsLog}).
 *
 * @param key      what was run
 * @param settings the configuration's settings
 * @param metrics  what it measured
 */
public record PointResult(PointKey key, List<Setting> settings, PointMetrics metrics) {

    public PointResult {
        settings = List.copyOf(settings);
    }
}
