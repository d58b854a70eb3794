package io.fleetsim.serving;

import java.util.Arrays;

/**
 * A replica's decoding sequences by the iteration they finish at, ties by admission order: a
 * binary min-heap that compares the two {@code long} fields directly (no comparator objects) and
 * keeps each sequence's slot, so removing a preempted sequence needs no search.
 *
 * <p>It sifts exactly as {@link java.util.PriorityQueue} does, so its slots (the order
 * {@link #get} walks them in, which decides the order an eviction reports lost work in) are the
 * ones that queue would have.
 */
final class DecodeHeap {

    private Sequence[] heap = new Sequence[16];
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

    void add(Sequence s) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size + (size < 64 ? size + 2 : size >> 1));
        }
        siftUp(size++, s);
    }

    /** Removes and returns the first to finish, or null. */
    Sequence poll() {
        if (size == 0) {
            return null;
        }
        Sequence first = heap[0];
        first.heapSlot = -1;
        int n = --size;
        Sequence last = heap[n];
        heap[n] = null;
        if (n > 0) {
            siftDown(0, last, n);
        }
        return first;
    }

    /** Removes {@code s}, which must be here. */
    void remove(Sequence s) {
        int i = s.heapSlot;
        s.heapSlot = -1;
        int last = --size;
        if (last == i) {
            heap[i] = null;
            return;
        }
        Sequence moved = heap[last];
        heap[last] = null;
        siftDown(i, moved, last);
        if (heap[i] == moved) {
            siftUp(i, moved);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].heapSlot = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private static boolean before(Sequence a, Sequence b) {
        return a.finishIteration < b.finishIteration
                || (a.finishIteration == b.finishIteration && a.order < b.order);
    }

    private void siftUp(int k, Sequence x) {
        Sequence[] h = heap;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            Sequence e = h[parent];
            if (!before(x, e)) {
                break;
            }
            h[k] = e;
            e.heapSlot = k;
            k = parent;
        }
        h[k] = x;
        x.heapSlot = k;
    }

    private void siftDown(int k, Sequence x, int n) {
        Sequence[] h = heap;
        int half = n >>> 1;
        while (k < half) {
            int child = (k << 1) + 1;
            Sequence c = h[child];
            int right = child + 1;
            if (right < n && before(h[right], c)) {
                c = h[child = right];
            }
            if (!before(c, x)) {
                break;
            }
            h[k] = c;
            c.heapSlot = k;
            k = child;
        }
        h[k] = x;
        x.heapSlot = k;
    }
}
