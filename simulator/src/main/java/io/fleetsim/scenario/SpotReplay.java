package io.fleetsim.scenario;

import io.fleetsim.spec.SpotSpec;
import java.util.List;

/**
 * A spot trace turned into simulated events.
 *
 * @param interruptions times (seconds from the start of the run) at which one replica is
 *                      interrupted, ascending
 * @param unavailable   windows in which no spot replica can be started, ascending and disjoint
 * @param endSeconds    simulated time at which the trace runs out
 * @param description   which trace, from where and how fast, e.g. {@code spot.json zone us-west-2b from 24h}
 */
record SpotReplay(List<Double> interruptions, List<SpotSpec.Window> unavailable, double endSeconds,
                  String description) {

    SpotReplay {
        interruptions = List.copyOf(interruptions);
        unavailable = List.copyOf(unavailable);
    }
}
