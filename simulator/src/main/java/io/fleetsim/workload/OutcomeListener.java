package io.fleetsim.workload;

/** Hears how each client request ended, so the client can send its next one (conversations). */
@FunctionalInterface
public interface OutcomeListener {

    /** Nobody listening. */
    OutcomeListener NONE = (request, delivered, time) -> { };

    /**
     * A client request ended at {@code time}: delivered in full, or given up (cancelled or rejected
     * for good).
     */
    void finished(Request request, boolean delivered, double time);
}
