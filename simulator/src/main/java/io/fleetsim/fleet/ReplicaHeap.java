package io.fleetsim.fleet;

import java.util.Arrays;

/**
 * The serving replicas of a pool in an indexed binary min-heap by load, ties by replica number
 * (launch order): the replica a scan of the pool in launch order would pick as the first least
 * loaded one, found in O(1) and kept in order in O(log n) when one replica's load changes. Each
 * replica remembers its slot ({@link Replica#indexSlot}), so an update needs no search. For any
 * load; {@link ReplicaBuckets} is faster for a small whole-number one.
 */
final class ReplicaHeap implements LeastLoaded {

    /** The load a pool balances on, read from a replica. */
    @FunctionalInterface
    interface Load {
        long of(Replica replica);
    }

    private final Load load;
    private Replica[] heap = new Replica[16];
    /** The load each slot's replica had when it was last placed; compared without calling {@link #load}. */
    private long[] keys = new long[16];
    /** Each slot's replica number, the tie-break, kept beside the keys so comparing reads no replica. */
    private int[] numbers = new int[16];
    private int size;

    ReplicaHeap(Load load) {
        this.load = load;
    }

    @Override
    public Replica peek() {
        return size == 0 ? null : heap[0];
    }

    @Override
    public boolean contains(Replica r) {
        return r.indexSlot >= 0;
    }

    @Override
    public void add(Replica r) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        int slot = size++;
        place(r, load.of(r), slot);
        siftUp(slot);
    }

    @Override
    public void remove(Replica r) {
        int slot = r.indexSlot;
        if (slot < 0) {
            return;
        }
        r.indexSlot = -1;
        int last = --size;
        if (slot == last) {
            heap[last] = null;
            return;
        }
        Replica moved = heap[last];
        long movedKey = keys[last];
        heap[last] = null;
        place(moved, movedKey, slot);
        siftDown(slot);
        siftUp(moved.indexSlot);
    }

    @Override
    public void update(Replica r) {
        int slot = r.indexSlot;
        if (slot < 0) {
            return;
        }
        long key = load.of(r);
        long old = keys[slot];
        if (key == old) {
            return;
        }
        keys[slot] = key;
        if (key < old) {
            siftUp(slot);
        } else {
            siftDown(slot);
        }
    }

    /** True when (key, number) comes before the entry in {@code slot}. */
    private boolean before(long key, int number, int slot) {
        long other = keys[slot];
        return key < other || (key == other && number < numbers[slot]);
    }

    private void place(Replica r, long key, int slot) {
        heap[slot] = r;
        keys[slot] = key;
        numbers[slot] = r.number;
        r.indexSlot = slot;
    }

    /** Moves slot {@code from}'s entry to {@code to}. */
    private void move(int from, int to) {
        Replica r = heap[from];
        heap[to] = r;
        keys[to] = keys[from];
        numbers[to] = numbers[from];
        r.indexSlot = to;
    }

    /** Sifts the entry at {@code slot} up: parents after it move down into the hole, then it is written once. */
    private void siftUp(int slot) {
        Replica r = heap[slot];
        long key = keys[slot];
        int number = numbers[slot];
        int hole = slot;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(key, number, parent)) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        if (hole != slot) {
            place(r, key, hole);
        }
    }

    /** Sifts the entry at {@code slot} down: the earlier child moves up into the hole, then it is written once. */
    private void siftDown(int slot) {
        Replica r = heap[slot];
        long key = keys[slot];
        int number = numbers[slot];
        int hole = slot;
        while (true) {
            int child = 2 * hole + 1;
            if (child >= size) {
                break;
            }
            int right = child + 1;
            if (right < size && before(keys[right], numbers[right], child)) {
                child = right;
            }
            if (!(keys[child] < key || (keys[child] == key && numbers[child] < number))) {
                break;
            }
            move(child, hole);
            hole = child;
        }
        if (hole != slot) {
            place(r, key, hole);
        }
    }
}
