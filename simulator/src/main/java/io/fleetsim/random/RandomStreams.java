package io.fleetsim.random;

import java.nio.charset.StandardCharsets;

/**
 * Factory of independent random streams, each derived from the run's seed and a stream name
 * ("arrivals", "route/chat/prompt", ...). A stream depends on nothing but those two, so adding a
 * pool or a route leaves every other stream's numbers unchanged: two strategies compared on the
 * same seed see the same traffic (common random numbers).
 */
public final class RandomStreams {

    private final long seed;

    /** Creates the factory for one run. */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The run's seed. */
    public long seed() {
        return seed;
    }

    /** The stream with this name; asking twice gives two streams with identical sequences. */
    public RandomStream stream(String name) {
        return new RandomStream(mix(seed ^ mix(fnv1a(name))));
    }

    private static long fnv1a(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer: spreads nearby seeds far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
