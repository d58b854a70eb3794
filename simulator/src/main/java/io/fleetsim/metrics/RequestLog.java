package io.fleetsim.metrics;

import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.Request;

/**
 * Told the outcome of each request as it happens, in simulated-time order, for a per-request
 * export; nothing is kept, so a long run needs no more memory for it.
 */
public interface RequestLog {

    /** A log that ignores everything. */
    RequestLog NONE = new RequestLog() {
        @Override
        public void completed(Request request, int pool, double ttftSeconds, double tpotSeconds, double e2eSeconds,
                              boolean withinSlo) {
        }

        @Override
        public void rejected(Request request, RejectCause cause, double time) {
        }

        @Override
        public void cancelled(Request request, double time) {
        }
    };

    /** {@code request} completed on {@code pool}, within its route's SLO or not. */
    void completed(Request request, int pool, double ttftSeconds, double tpotSeconds, double e2eSeconds,
                   boolean withinSlo);

    /** {@code request} was turned away at {@code time}. */
    void rejected(Request request, RejectCause cause, double time);

    /** The client of {@code request} gave up on it for good at {@code time}. */
    void cancelled(Request request, double time);
}
