package io.fleetsim.sweep;

/**
 * What identifies a finished unit of work in a results file, so that a rerun can skip it.
 *
 * @param configuration the configuration's key ({@link Configuration#key()})
 * @param replication   replication number, from 0
 * @param seed          the seed it ran with
 * @param scenarioHash  hash of the scenario text and run overrides ({@link WorkUnit#scenarioHash()})
 */
public record PointKey(String configuration, int replication, long seed, String scenarioHash) {
}
