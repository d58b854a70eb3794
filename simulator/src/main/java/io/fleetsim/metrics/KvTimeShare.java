package io.fleetsim.metrics;

/**
 * KV-cache utilisation weighted by time: the integral of the share of KV blocks in use over the
 * replicas' serving (and draining) time, divided by that time. Unlike the sampled
 * {@link KvCacheUtilization#mean}, which reads the cache once per time-series interval, every
 * change of the cache counts for as long as it lasts.
 *
 * @param shareSeconds  integral of the share in use, summed over replicas (share-seconds)
 * @param replicaSeconds replica-seconds serving or draining
 */
public record KvTimeShare(double shareSeconds, double replicaSeconds) {

    /** The time-weighted mean share (NaN without serving time). */
    public double mean() {
        return replicaSeconds > 0 ? shareSeconds / replicaSeconds : Double.NaN;
    }

    /** Both integrals of this and {@code other} together, replica-time weighing the same everywhere. */
    public KvTimeShare plus(KvTimeShare other) {
        return new KvTimeShare(shareSeconds + other.shareSeconds, replicaSeconds + other.replicaSeconds);
    }
}
