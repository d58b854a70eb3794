package io.fleetsim.sweep;

/**
 * The seed of each replication, derived from the scenario's seed alone, so that replication i of
 * every configuration sees the same traffic (common random numbers): differences between
 * configurations are then differences of the fleets, not of the draws. Replication 0 uses the
 * scenario's seed itself, so it reproduces {@code fleetsim run} of the same variant.
 */
public final class ReplicationSeeds {

    private ReplicationSeeds() {
    }

    /** The seed of replication {@code replication} (0-based) of a scenario seeded {@code scenarioSeed}. */
    public static long seed(long scenarioSeed, int replication) {
        if (replication == 0) {
            return scenarioSeed;
        }
        long z = scenarioSeed + 0x9E3779B97F4A7C15L * replication;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        // scenario seeds are non-negative
        return (z ^ (z >>> 31)) >>> 1;
    }
}
