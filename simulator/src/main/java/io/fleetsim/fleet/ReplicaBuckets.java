package io.fleetsim.fleet;

import java.util.Arrays;

/**
 * The serving replicas of a pool by a small whole-number load (requests in service), one bucket
 * per load value: each bucket is a bit set of replica numbers, so the first launched of the least
 * loaded replicas is the lowest set bit of the lowest non-empty bucket, and a load change moves
 * one bit. The same answers as {@link ReplicaHeap} over the same loads; cheaper when loads change
 * by one at a time and many replicas share a load, which is how requests in service move.
 */
final class ReplicaBuckets implements LeastLoaded {

    /** The load of a replica, a non-negative int. */
    @FunctionalInterface
    interface Load {
        int of(Replica replica);
    }

    private final Load load;
    /** {@code bits[load][word]}: bit {@code n % 64} of word {@code n / 64} set when replica n has that load. */
    private long[][] bits = new long[0][];
    /** Replicas in each bucket. */
    private int[] counts = new int[0];
    /** Words per bucket: enough for every replica number seen. */
    private int words = 1;
    /** Replicas by number, for turning a bit back into its replica. */
    private Replica[] byNumber = new Replica[64];
    private int size;
    /** The lowest load with a replica (meaningless when empty). */
    private int lowest;

    ReplicaBuckets(Load load) {
        this.load = load;
    }

    @Override
    public Replica peek() {
        if (size == 0) {
            return null;
        }
        long[] bucket = bits[lowest];
        for (int w = 0; w < words; w++) {
            if (bucket[w] != 0) {
                return byNumber[w * 64 + Long.numberOfTrailingZeros(bucket[w])];
            }
        }
        throw new IllegalStateException("bucket " + lowest + " counted non-empty but holds no replica");
    }

    @Override
    public boolean contains(Replica r) {
        return r.indexSlot >= 0;
    }

    @Override
    public void add(Replica r) {
        if (r.number >= words * 64) {
            words = r.number / 64 + 1;
            for (int b = 0; b < bits.length; b++) {
                bits[b] = Arrays.copyOf(bits[b], words);
            }
        }
        if (r.number >= byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, Math.max(2 * byNumber.length, r.number + 1));
        }
        byNumber[r.number] = r;
        int l = checked(load.of(r));
        set(r, l);
        if (size == 0 || l < lowest) {
            lowest = l;
        }
        size++;
    }

    @Override
    public void remove(Replica r) {
        int l = r.indexSlot;
        if (l < 0) {
            return;
        }
        clear(r, l);
        r.indexSlot = -1;
        byNumber[r.number] = null;
        size--;
        if (size > 0) {
            raiseLowest();
        }
    }

    @Override
    public void update(Replica r) {
        int old = r.indexSlot;
        if (old < 0) {
            return;
        }
        int l = checked(load.of(r));
        if (l == old) {
            return;
        }
        clear(r, old);
        set(r, l);
        if (l < lowest) {
            lowest = l;
        } else {
            raiseLowest();
        }
    }

    private void set(Replica r, int l) {
        if (l >= bits.length) {
            int more = Math.max(l + 1, 2 * bits.length);
            int from = bits.length;
            bits = Arrays.copyOf(bits, more);
            for (int b = from; b < more; b++) {
                bits[b] = new long[words];
            }
            counts = Arrays.copyOf(counts, more);
        }
        bits[l][r.number >>> 6] |= 1L << r.number;
        counts[l]++;
        r.indexSlot = l;
    }

    private void clear(Replica r, int l) {
        bits[l][r.number >>> 6] &= ~(1L << r.number);
        counts[l]--;
    }

    /** After a replica left the lowest bucket: up to the next one holding a replica (there is one). */
    private void raiseLowest() {
        while (counts[lowest] == 0) {
            lowest++;
        }
    }

    private static int checked(int l) {
        if (l < 0) {
            throw new IllegalArgumentException("negative load " + l);
        }
        return l;
    }
}
