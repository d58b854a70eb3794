package io.fleetsim.metrics;

/**
 * How the requests that arrived in some stretch of time ended: completed (and of those within
 * their SLO, with their TTFT), rejected or failed, cancelled by their clients. Streams like the
 * rest of the metrics: counters and one histogram.
 */
public final class OutcomeTally {

    private long completed;
    private long withinSlo;
    private long rejected;
    private long cancelled;
    private final LatencyRecorder ttft = new LatencyRecorder();

    void completed(boolean inSlo, double ttftSeconds) {
        completed++;
        if (inSlo) {
            withinSlo++;
        }
        ttft.record(ttftSeconds);
    }

    void reject() {
        rejected++;
    }

    void cancel() {
        cancelled++;
    }

    /** Requests that reached an outcome. */
    public long requests() {
        return completed + rejected + cancelled;
    }

    /** Requests completed. */
    public long completed() {
        return completed;
    }

    /** Completed requests within their route's SLO. */
    public long withinSlo() {
        return withinSlo;
    }

    /** Requests rejected or failed (every reject cause). */
    public long rejected() {
        return rejected;
    }

    /** Requests whose clients gave up or left mid-stream. */
    public long cancelled() {
        return cancelled;
    }

    /** Within-SLO share of the requests that reached an outcome, as for the whole run (NaN when none). */
    public double sloAttainment() {
        long decided = requests();
        return decided == 0 ? Double.NaN : (double) withinSlo / decided;
    }

    /** TTFT at percentile {@code p} of the completed requests, ms (NaN when none). */
    public double ttftMs(double p) {
        return ttft.count() == 0 ? Double.NaN : ttft.percentileMs(p);
    }

    /** The counts and TTFT percentiles, frozen. */
    public Summary summary() {
        return new Summary(requests(), completed, withinSlo, rejected, cancelled, sloAttainment(), ttftMs(50),
                ttftMs(95), ttftMs(99));
    }

    /**
     * An {@link OutcomeTally} frozen for a report.
     *
     * @param requests      requests that reached an outcome
     * @param completed     requests completed
     * @param withinSlo     completed within their SLO
     * @param rejected      rejected or failed
     * @param cancelled     given up or left mid-stream by their clients
     * @param sloAttainment within-SLO share of {@code requests} (NaN when none)
     * @param ttftP50Ms     TTFT p50 of the completed requests, ms (NaN when none)
     * @param ttftP95Ms     TTFT p95, ms
     * @param ttftP99Ms     TTFT p99, ms
     */
    public record Summary(long requests, long completed, long withinSlo, long rejected, long cancelled,
                          double sloAttainment, double ttftP50Ms, double ttftP95Ms, double ttftP99Ms) {
    }
}
