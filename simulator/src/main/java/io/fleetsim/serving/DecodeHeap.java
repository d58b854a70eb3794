package io.fleetsim.serving;

import java.util.Arrays;

/**
 * A replica's decoding sequences by the iteration they finish at, ties by admission order: a
 * binary min-heap whose two keys ({@code finishIteration}, {@code order}, fixed while a sequence
 * decodes) are kept in primitive arrays beside the sequences, so sifting compares and moves array
 * slots and never reads or writes a sequence (with thousands of replicas the sequences are spread
 * over more memory than the caches hold). Removing a preempted sequence searches the slots:
 * preemption is rare, a sift is not.
 *
 * <p>It sifts exactly as {@link java.util.PriorityQueue} does, so its slots (the order
 * {@link #get} walks them in, which decides the order an eviction reports lost work in) are the
 * ones that queue would have.
 */
final class DecodeHeap {

    private Sequence[] heap = new Sequence[16];
    private long[] finishes = new long[16];
    private long[] orders = new long[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The sequence in slot {@code i}, {@code 0 <= i < size()}. */
    Sequence get(int i) {
        return heap[i];
    }

    /** The first to finish, or null. */
    Sequence peek() {
        return size == 0 ? null : heap[0];
    }

    /** The iteration the first to finish finishes at; only meaningful when not empty. */
    long firstFinish() {
        return finishes[0];
    }

    void add(Sequence s) {
        if (size == heap.length) {
            int more = size + (size < 64 ? size + 2 : size >> 1);
            heap = Arrays.copyOf(heap, more);
            finishes = Arrays.copyOf(finishes, more);
            orders = Arrays.copyOf(orders, more);
        }
        siftUp(size++, s, s.finishIteration, s.order);
    }

    /** Removes and returns the first to finish, or null. */
    Sequence poll() {
        if (size == 0) {
            return null;
        }
        Sequence first = heap[0];
        int n = --size;
        Sequence last = heap[n];
        long lastFinish = finishes[n];
        long lastOrder = orders[n];
        heap[n] = null;
        if (n > 0) {
            siftDown(0, last, lastFinish, lastOrder, n);
        }
        return first;
    }

    /** Removes {@code s}, which must be here. */
    void remove(Sequence s) {
        int i = slotOf(s);
        int last = --size;
        if (last == i) {
            heap[i] = null;
            return;
        }
        Sequence moved = heap[last];
        long movedFinish = finishes[last];
        long movedOrder = orders[last];
        heap[last] = null;
        siftDown(i, moved, movedFinish, movedOrder, last);
        if (heap[i] == moved) {
            siftUp(i, moved, movedFinish, movedOrder);
        }
    }

    private int slotOf(Sequence s) {
        for (int i = 0; i < size; i++) {
            if (heap[i] == s) {
                return i;
            }
        }
        throw new IllegalArgumentException("not decoding here");
    }

    void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    /** True when (finish, order) comes before slot {@code i}. */
    private boolean before(long finish, long order, int i) {
        long other = finishes[i];
        return finish < other || (finish == other && order < orders[i]);
    }

    private void place(int k, Sequence s, long finish, long order) {
        heap[k] = s;
        finishes[k] = finish;
        orders[k] = order;
    }

    private void move(int from, int to) {
        heap[to] = heap[from];
        finishes[to] = finishes[from];
        orders[to] = orders[from];
    }

    private void siftUp(int k, Sequence x, long finish, long order) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!before(finish, order, parent)) {
                break;
            }
            move(parent, k);
            k = parent;
        }
        place(k, x, finish, order);
    }

    private void siftDown(int k, Sequence x, long finish, long order, int n) {
        int half = n >>> 1;
        while (k < half) {
            int child = (k << 1) + 1;
            int right = child + 1;
            if (right < n && before(finishes[right], orders[right], child)) {
                child = right;
            }
            if (!(finishes[child] < finish || (finishes[child] == finish && orders[child] < order))) {
                break;
            }
            move(child, k);
            k = child;
        }
        place(k, x, finish, order);
    }
}
