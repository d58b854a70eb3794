package io.fleetsim.fleet;

import java.util.Arrays;

/**
 * The serving replicas of a pool in an indexed binary min-heap by load, ties by replica number
 * (launch order): the replica a scan of the pool in launch order would pick as the first least
 * loaded one, found in O(1) and kept in order in O(log n) when one replica's load changes. Each
 * replica remembers its slot ({@link Replica#heapSlot}), so an update needs no search.
 */
final class ReplicaHeap {

    /** The load a pool balances on, read from a replica. */
    @FunctionalInterface
    interface Load {
        long of(Replica replica);
    }

    private final Load load;
    private Replica[] heap = new Replica[16];
    /** The load each slot's replica had when it was last placed; compared without calling {@link #load}. */
    private long[] keys = new long[16];
    private int size;

    ReplicaHeap(Load load) {
        this.load = load;
    }

    /** The least loaded replica (lowest number among equals), or null when empty. */
    Replica peek() {
        return size == 0 ? null : heap[0];
    }

    boolean contains(Replica r) {
        return r.heapSlot >= 0;
    }

    void add(Replica r) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int slot = size++;
        heap[slot] = r;
        keys[slot] = load.of(r);
        r.heapSlot = slot;
        siftUp(slot);
    }

    void remove(Replica r) {
        int slot = r.heapSlot;
        if (slot < 0) {
            return;
        }
        r.heapSlot = -1;
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
        siftUp(moved.heapSlot);
    }

    /** {@code r}'s load has changed: move it to where it now belongs (nothing when it is not here). */
    void update(Replica r) {
        int slot = r.heapSlot;
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

    private boolean less(int a, int b) {
        return keys[a] < keys[b] || (keys[a] == keys[b] && heap[a].number < heap[b].number);
    }

    private void place(Replica r, long key, int slot) {
        heap[slot] = r;
        keys[slot] = key;
        r.heapSlot = slot;
    }

    private void swap(int a, int b) {
        Replica ra = heap[a];
        long ka = keys[a];
        place(heap[b], keys[b], a);
        place(ra, ka, b);
    }

    private void siftUp(int slot) {
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (!less(slot, parent)) {
                return;
            }
            swap(slot, parent);
            slot = parent;
        }
    }

    private void siftDown(int slot) {
        while (true) {
            int child = 2 * slot + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && less(child + 1, child)) {
                child++;
            }
            if (!less(child, slot)) {
                return;
            }
            swap(slot, child);
            slot = child;
        }
    }
}
