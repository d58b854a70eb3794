package io.fleetsim.engine;

/**
 * Reacts to an event. A handler is registered once with the {@link Simulator} and identified by a
 * small integer; events carry that integer and a {@code long} payload (typically an index into the
 * handler's own primitive arrays), so firing an event allocates nothing.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles one event at the simulator's current time.
     *
     * @param payload the value given when the event was scheduled
     */
    void handle(long payload);
}
