package io.fleetsim.cost;

/**
 * What one pool used over a run, in replica-seconds and shares: all the Bill needs of a pool's
 * life, read once after the run (the bill never reaches into the live fleet).
 *
 * @param coldStartSeconds replica-seconds starting up
 * @param servingSeconds   replica-seconds serving, busy or idle
 * @param drainingSeconds  replica-seconds draining before release
 * @param roundingSeconds  replica-seconds added by billing granularity
 * @param paidDownSeconds  replica-seconds a failed reserved replica was paid under repair
 * @param busySeconds      replica-seconds with at least one request in service
 * @param utilization      share of serving replica time with a request in service
 * @param batchOccupancy   share of request slots in use over serving time
 */
public record PoolUsage(double coldStartSeconds, double servingSeconds, double drainingSeconds,
                        double roundingSeconds, double paidDownSeconds, double busySeconds, double utilization,
                        double batchOccupancy) {

    /** Replica-seconds paid: starting, serving, draining, billing rounding and paid repairs. */
    public double paidSeconds() {
        // the order of PoolLedger.paidSeconds, so that the sum is the same to the last bit
        return coldStartSeconds + servingSeconds + drainingSeconds + roundingSeconds + paidDownSeconds;
    }
}
