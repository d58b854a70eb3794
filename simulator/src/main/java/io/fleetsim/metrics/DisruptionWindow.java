package io.fleetsim.metrics;

/**
 * One zone outage or rolling deploy of one pool as the metrics see it: the window of time it
 * took capacity away, what it took, and how the requests that arrived during it ended. A request
 * belongs to the window when its client first sent it in {@code [start, end)}; the window is
 * open (its end not known yet) while the event lasts.
 */
public final class DisruptionWindow {

    private final DisruptionKind kind;
    private final String pool;
    private final String name;
    private final double start;
    private double end = Double.NaN;
    private int replicasOut;
    private double replicaSecondsOut;
    private long requestsInterrupted;
    private final OutcomeTally during = new OutcomeTally();

    DisruptionWindow(DisruptionKind kind, String pool, String name, double start) {
        this.kind = kind;
        this.pool = pool;
        this.name = name;
        this.start = start;
    }

    /** {@code replicas} more replicas were taken out, for {@code replicaSeconds} in all (within the horizon). */
    public void tookOut(int replicas, double replicaSeconds) {
        replicasOut += replicas;
        replicaSecondsOut += replicaSeconds;
    }

    /** {@code requests} in service were lost when replicas were killed and went back to the router. */
    public void interrupted(int requests) {
        requestsInterrupted += requests;
    }

    /** The event is over at {@code time}. */
    public void close(double time) {
        end = time;
    }

    boolean covers(double firstArrival) {
        return firstArrival >= start && (Double.isNaN(end) || firstArrival < end);
    }

    /** What took the capacity away. */
    public DisruptionKind kind() {
        return kind;
    }

    /** The pool it hit. */
    public String pool() {
        return pool;
    }

    /** Its name in the scenario. */
    public String name() {
        return name;
    }

    /** When it began, seconds. */
    public double start() {
        return start;
    }

    /** When it ended, seconds; NaN when it had not ended by the end of the run. */
    public double end() {
        return end;
    }

    /** Replicas taken out (lost in the zone, or replaced by the deploy). */
    public int replicasOut() {
        return replicasOut;
    }

    /** Replica-seconds out of service, from each loss until its replacement was asked for or served. */
    public double replicaSecondsOut() {
        return replicaSecondsOut;
    }

    /** Requests in service on killed replicas, sent back to the router. */
    public long requestsInterrupted() {
        return requestsInterrupted;
    }

    /** How the requests that arrived during the window ended. */
    public OutcomeTally during() {
        return during;
    }
}
