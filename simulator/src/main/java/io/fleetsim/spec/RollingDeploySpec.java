package io.fleetsim.spec;

/**
 * A rolling deploy of a pool: from {@code atSeconds} its replicas running at that time are
 * replaced a batch at a time. Each replica of a batch stops taking work and is given
 * {@code drainSeconds} to finish what it serves (what is left then is lost and goes back to the
 * router, as a failure's is); its replacement is asked for when the drain time ends and serves
 * {@code replaceSeconds} later; the next batch starts when the batch's replacements serve.
 *
 * @param name           what the report calls it
 * @param atSeconds      when the first batch starts
 * @param batchShare     share of the pool's replicas (at the start, rounded up) replaced at a time, in (0, 1]
 * @param drainSeconds   time a replica is given to finish its requests
 * @param replaceSeconds from asking for a replacement to its serving
 */
public record RollingDeploySpec(String name, double atSeconds, double batchShare, double drainSeconds,
                                double replaceSeconds) {
}
