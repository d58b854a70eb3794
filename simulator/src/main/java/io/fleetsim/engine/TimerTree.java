package io.fleetsim.engine;

import java.util.Arrays;

/**
 * The pending events of the engine's timers, one slot per timer, in a winner tree (a tournament):
 * each inner node names the earliest slot below it, so the earliest timer is read at the root and
 * moving, adding or removing one timer's event replays the matches on its path to the root only.
 *
 * <p>Why not the event heap: a model whose servers each keep one future event (the end of the
 * step under way) pops a timer and sets the same timer again at almost every event. In a heap
 * that is a sift-down and a sift-up moving whole events; here it is one replay of {@code log2}
 * comparisons that moves no event. The replay a pop owes is put off until the tree is next read
 * ({@link #stale}), so a pop followed by setting the same timer costs one replay, not two.
 *
 * <p>Order: earlier time first, then lower key (the queue's priority and sequence number, unique
 * among pending events), the same order as the event heap's, so events run in the same order
 * wherever they are kept. A slot without a pending event holds time +infinity and the largest
 * key, which no pending event has, so it never wins against one.
 */
final class TimerTree {

    /** The key of a slot with no pending event: above every key the queue gives. */
    private static final long IDLE_KEY = Long.MAX_VALUE;
    /** The rank of an idle slot's time, +infinity. */
    private static final long IDLE_RANK = rank(Double.POSITIVE_INFINITY);

    /** Leaves: a power of two, at least the number of slots. */
    private int leaves = 4;
    private int slots;
    private double[] times = idleTimes(leaves);
    /** Each slot's time as {@link #rank}: what the matches compare. */
    private long[] ranks = idleRanks(leaves);
    private long[] keys = idleKeys(leaves);
    private int[] handlers = new int[leaves];
    private long[] payloads = new long[leaves];
    /** Inner node {@code n} (from 1) holds the earliest slot below it; leaf {@code leaves + s} holds s. */
    private int[] winners = freshWinners(leaves);
    private int pending;
    /** A slot popped whose path has not been replayed yet, or -1. */
    private int stale = -1;

    /** Adds a slot with no pending event and returns its number (0, 1, 2, ...). */
    int addSlot() {
        if (slots == leaves) {
            flush();
            grow();
        }
        return slots++;
    }

    /** Slots added so far. */
    int slots() {
        return slots;
    }

    /** Slots with a pending event. */
    int pending() {
        return pending;
    }

    /** True when {@code slot} has a pending event. */
    boolean isPending(int slot) {
        return keys[slot] != IDLE_KEY;
    }

    /** Gives {@code slot} the pending event (time, key, handler, payload), replacing any it had. */
    void set(int slot, double time, long key, int handler, long payload) {
        if (keys[slot] == IDLE_KEY) {
            pending++;
        }
        times[slot] = time;
        ranks[slot] = rank(time);
        keys[slot] = key;
        handlers[slot] = handler;
        payloads[slot] = payload;
        changed(slot);
    }

    /** Removes {@code slot}'s pending event; false when it had none. */
    boolean cancel(int slot) {
        if (keys[slot] == IDLE_KEY) {
            return false;
        }
        idle(slot);
        changed(slot);
        return true;
    }

    /** The slot whose event is earliest; only meaningful while {@link #pending()} is positive. */
    int earliest() {
        flush();
        return winners[1];
    }

    /** Time of {@code slot}'s pending event. */
    double time(int slot) {
        return times[slot];
    }

    /** Key of {@code slot}'s pending event. */
    long key(int slot) {
        return keys[slot];
    }

    /** Handler of {@code slot}'s pending event. */
    int handler(int slot) {
        return handlers[slot];
    }

    /** Payload of {@code slot}'s pending event. */
    long payload(int slot) {
        return payloads[slot];
    }

    /**
     * Removes the pending event of {@code slot}, the {@link #earliest()} one, which the caller has
     * read; its path is replayed when the tree is next read or changed.
     */
    void removeEarliest(int slot) {
        idle(slot);
        stale = slot;
    }

    private void idle(int slot) {
        times[slot] = Double.POSITIVE_INFINITY;
        ranks[slot] = IDLE_RANK;
        keys[slot] = IDLE_KEY;
        pending--;
    }

    /** {@code slot}'s event has changed: replay its path (the owed replay first, unless it is this one's). */
    private void changed(int slot) {
        if (stale != slot) {
            flush();
        }
        stale = -1;
        replay(slot);
    }

    private void flush() {
        if (stale >= 0) {
            int slot = stale;
            stale = -1;
            replay(slot);
        }
    }

    /**
     * Plays again the matches from {@code slot}'s leaf up to the root. On the way up, the
     * changed slot's side is the winner just computed, carried in registers; the other side's
     * winner is read from the sibling node, which the change does not touch, so the reads of all
     * levels are independent of each other's matches (and the selects can be branch-free).
     */
    private void replay(int slot) {
        int[] w = winners;
        long[] order = ranks;
        long[] k = keys;
        int winner = slot;
        long winnerRank = order[slot];
        long winnerKey = k[slot];
        for (int node = leaves + slot; node > 1; node >>>= 1) {
            int other = w[node ^ 1];
            long otherRank = order[other];
            long otherKey = k[other];
            boolean otherFirst = otherRank < winnerRank | (otherRank == winnerRank & otherKey < winnerKey);
            winner = otherFirst ? other : winner;
            winnerRank = otherFirst ? otherRank : winnerRank;
            winnerKey = otherFirst ? otherKey : winnerKey;
            w[node >>> 1] = winner;
        }
    }

    /** Node {@code node}'s match: the earlier of its two children's winners. */
    private void play(int node) {
        int left = winners[2 * node];
        int right = winners[2 * node + 1];
        boolean rightFirst = ranks[right] < ranks[left] | (ranks[right] == ranks[left] & keys[right] < keys[left]);
        winners[node] = rightFirst ? right : left;
    }

    /**
     * A time as a {@code long} that orders as the time does, so a match compares integers only:
     * the bits of a non-negative double already do; a negative one's are flipped below the sign.
     * Adding 0 first makes -0 the same as 0, as {@code ==} on doubles has it.
     */
    private static long rank(double time) {
        long bits = Double.doubleToRawLongBits(time + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private void grow() {
        int more = leaves * 2;
        times = Arrays.copyOf(times, more);
        Arrays.fill(times, leaves, more, Double.POSITIVE_INFINITY);
        ranks = Arrays.copyOf(ranks, more);
        Arrays.fill(ranks, leaves, more, IDLE_RANK);
        keys = Arrays.copyOf(keys, more);
        Arrays.fill(keys, leaves, more, IDLE_KEY);
        handlers = Arrays.copyOf(handlers, more);
        payloads = Arrays.copyOf(payloads, more);
        leaves = more;
        winners = freshWinners(more);
        for (int node = leaves - 1; node >= 1; node--) {
            play(node);
        }
    }

    private static int[] freshWinners(int leaves) {
        int[] w = new int[2 * leaves];
        for (int s = 0; s < leaves; s++) {
            w[leaves + s] = s;
        }
        // Inner nodes start at slot 0, which is idle like every slot: any idle slot is a correct winner.
        return w;
    }

    private static double[] idleTimes(int n) {
        double[] t = new double[n];
        Arrays.fill(t, Double.POSITIVE_INFINITY);
        return t;
    }

    private static long[] idleRanks(int n) {
        long[] r = new long[n];
        Arrays.fill(r, IDLE_RANK);
        return r;
    }

    private static long[] idleKeys(int n) {
        long[] k = new long[n];
        Arrays.fill(k, IDLE_KEY);
        return k;
    }
}
