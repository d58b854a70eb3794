package io.fleetsim.fleet;

/**
 * Replica-seconds of one pool by state, from the replicas' state changes, plus the extra seconds
 * billing granularity adds (a replica billed per hour that lived 61 minutes pays for 120).
 * Money is derived from it after the run; nothing here drives the simulation.
 */
public final class PoolLedger {

    private final double billingSeconds;
    private double coldStart;
    private double serving;
    private double draining;
    private double rounding;
    private int replicasStarted;
    private int interruptions;
    private int failedScaleUps;
    private int failures;
    private double downSeconds;
    private double paidDownSeconds;
    private double disruptedSeconds;

    PoolLedger(double billingSeconds) {
        this.billingSeconds = billingSeconds;
    }

    void add(ReplicaState state, double seconds) {
        switch (state) {
            case COLD_START -> coldStart += seconds;
            case SERVING -> serving += seconds;
            case DRAINING -> draining += seconds;
            default -> {
            }
        }
    }

    /** A replica's paid life of {@code lifetime} seconds ended: add what billing rounds it up to. */
    void closeLifetime(double lifetime) {
        double billed = Math.ceil(lifetime / billingSeconds - 1e-9) * billingSeconds;
        rounding += Math.max(0, billed - lifetime);
    }

    void replicaStarted() {
        replicasStarted++;
    }

    void interrupted() {
        interruptions++;
    }

    void scaleUpFailed() {
        failedScaleUps++;
    }

    /** A replica failed and is down for {@code seconds} (within the horizon); {@code paid} for reserved capacity. */
    void failed(double seconds, boolean paid) {
        failures++;
        downSeconds += seconds;
        if (paid) {
            paidDownSeconds += seconds;
        }
    }

    /** Replicas were taken out of service by a zone outage or a deploy for {@code seconds} in all (within the horizon). */
    void outOfService(double seconds) {
        disruptedSeconds += seconds;
    }

    /** A reserved pool paid {@code seconds} for committed replicas gone in a zone outage or between a deploy's steps. */
    void paidWhileGone(double seconds) {
        paidDownSeconds += seconds;
    }

    /** Replica-seconds out of service for zone outages and deploys. */
    public double disruptedSeconds() {
        return disruptedSeconds;
    }

    /** Replica failures suffered. */
    public int failures() {
        return failures;
    }

    /** Replica-seconds lost to failures: from each failure to its replacement being asked for. */
    public double downSeconds() {
        return downSeconds;
    }

    /**
     * Replica-seconds still paid while down: a reserved pool's failed replica under repair, or its
     * replica lost to a zone outage or emptied by a deploy before its replacement was asked for.
     */
    public double paidDownSeconds() {
        return paidDownSeconds;
    }

    /** Replica-seconds spent starting up (paid, not serving). */
    public double coldStartSeconds() {
        return coldStart;
    }

    /** Replica-seconds spent serving, busy or idle. */
    public double servingSeconds() {
        return serving;
    }

    /** Replica-seconds spent draining before release. */
    public double drainingSeconds() {
        return draining;
    }

    /** Replica-seconds paid only because of billing granularity. */
    public double roundingSeconds() {
        return rounding;
    }

    /** All paid replica-seconds. */
    public double paidSeconds() {
        return coldStart + serving + draining + rounding + paidDownSeconds;
    }

    /** Replicas requested over the run (including the initial ones). */
    public int replicasStarted() {
        return replicasStarted;
    }

    /** Spot interruptions suffered. */
    public int interruptions() {
        return interruptions;
    }

    /** Scale-ups refused because capacity could not be had. */
    public int failedScaleUps() {
        return failedScaleUps;
    }
}
