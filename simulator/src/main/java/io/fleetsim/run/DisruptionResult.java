package io.fleetsim.run;

import io.fleetsim.metrics.DisruptionWindow;
import io.fleetsim.metrics.DisruptionWindows;
import io.fleetsim.metrics.OutcomeTally;
import java.util.ArrayList;
import java.util.List;

/**
 * What one zone outage or rolling deploy did: the capacity it took and how the requests that
 * arrived during its window ended, beside those that arrived outside every window.
 *
 * @param kind                {@code zone_outage} or {@code rolling_deploy}
 * @param pool                the pool it hit
 * @param name                its name in the scenario
 * @param startSeconds        when it began
 * @param endSeconds          when it ended (the horizon when it had not ended by then)
 * @param ended               false when it was still going at the end of the run
 * @param replicasOut         replicas lost in the zone or replaced by the deploy
 * @param replicaHoursOut     replica-hours out of service (zone: lost replicas x outage length;
 *                            deploy: replaced replicas x (drain + replace)), within the horizon
 * @param requestsInterrupted requests in service on killed replicas, sent back to the router
 * @param during              requests that arrived in the window
 * @param outside             requests that arrived outside every window of the run
 */
public record DisruptionResult(String kind, String pool, String name, double startSeconds, double endSeconds,
                               boolean ended, int replicasOut, double replicaHoursOut, long requestsInterrupted,
                               OutcomeTally.Summary during, OutcomeTally.Summary outside) {

    /** The results of every window of a run (none when {@code windows} is null), in the order they opened. */
    static List<DisruptionResult> of(DisruptionWindows windows, double horizon) {
        List<DisruptionResult> out = new ArrayList<>();
        if (windows == null) {
            return out;
        }
        OutcomeTally.Summary outside = windows.outside().summary();
        for (DisruptionWindow w : windows.windows()) {
            boolean ended = !Double.isNaN(w.end()) && w.end() <= horizon;
            out.add(new DisruptionResult(w.kind().id(), w.pool(), w.name(), w.start(), ended ? w.end() : horizon,
                    ended, w.replicasOut(), w.replicaSecondsOut() / 3600, w.requestsInterrupted(),
                    w.during().summary(), outside));
        }
        return out;
    }
}
