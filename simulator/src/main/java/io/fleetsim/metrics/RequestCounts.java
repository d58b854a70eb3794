package io.fleetsim.metrics;

import java.util.Map;

/**
 * What happened to the requests of a run (or of one route). Conservation:
 * {@code arrived = completed + cancelled + rejected + inFlightAtEnd}.
 *
 * @param arrived          requests that arrived within the horizon
 * @param completed        requests that received their whole output
 * @param cancelled        requests their client gave up on
 * @param rejected         requests turned away (see {@code rejectedByCause})
 * @param withinSlo        completed requests that met their TTFT and TPOT targets
 * @param inFlightAtEnd    requests queued or in service when the horizon cut the run
 * @param rejectedByCause  rejections by cause id
 */
public record RequestCounts(long arrived, long completed, long cancelled, long rejected, long withinSlo,
                            long inFlightAtEnd, Map<String, Long> rejectedByCause) {

    public RequestCounts {
        rejectedByCause = Map.copyOf(rejectedByCause);
    }

    /** Within-SLO share of the requests that reached an outcome (completed, cancelled or rejected). */
    public double sloAttainment() {
        long decided = completed + cancelled + rejected;
        return decided == 0 ? Double.NaN : (double) withinSlo / decided;
    }
}
