package io.fleetsim.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every disruption window of a run, in the order they opened, and how the requests that arrived
 * outside all of them ended: what the report sets each window against. A request arriving during
 * two overlapping windows counts in both.
 */
public final class DisruptionWindows {

    private final List<DisruptionWindow> windows = new ArrayList<>();
    private final OutcomeTally outside = new OutcomeTally();

    /** A window opens now: {@code kind} on {@code pool}, called {@code name}. */
    public DisruptionWindow open(DisruptionKind kind, String pool, String name, double start) {
        DisruptionWindow w = new DisruptionWindow(kind, pool, name, start);
        windows.add(w);
        return w;
    }

    void completed(double firstArrival, boolean inSlo, double ttftSeconds) {
        record(firstArrival, t -> t.completed(inSlo, ttftSeconds));
    }

    void rejected(double firstArrival) {
        record(firstArrival, OutcomeTally::reject);
    }

    void cancelled(double firstArrival) {
        record(firstArrival, OutcomeTally::cancel);
    }

    /** Tells the outcome to every window the request arrived in, or to the outside tally when none. */
    private void record(double firstArrival, Consumer<OutcomeTally> outcome) {
        boolean any = false;
        for (DisruptionWindow w : windows) {
            if (w.covers(firstArrival)) {
                outcome.accept(w.during());
                any = true;
            }
        }
        if (!any) {
            outcome.accept(outside);
        }
    }

    /** The windows in the order they opened. */
    public List<DisruptionWindow> windows() {
        return Collections.unmodifiableList(windows);
    }

    /** Requests that arrived outside every window. */
    public OutcomeTally outside() {
        return outside;
    }
}
