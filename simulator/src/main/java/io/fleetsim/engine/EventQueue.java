package io.fleetsim.engine;

import java.util.Arrays;

/**
 * Future-event list kept in one primitive array, so that scheduling and popping an event allocate
 * nothing once the array has grown to the peak number of pending events.
 *
 * <p>Order: earlier time first; at equal times, lower priority value first; at equal time and
 * priority, the event scheduled first runs first (FIFO). The last two are packed into one
 * {@code long} key ({@code priority << 48 | sequence}), so ties are exact and deterministic.
 *
 * <p>Layout: an event is four consecutive {@code long}s (time bits, key, handler, payload), so
 * comparing or moving one touches adjacent memory rather than four arrays. While at most {@value #SORTED_LIMIT} events are pending
 * they form a sorted run: popping is an index increment, and pushing scans from the latest end,
 * where newly scheduled events usually belong. A model with a handful of servers lives entirely in
 * this mode, where a push costs one hard-to-predict branch instead of the several of a heap's
 * sift-up and sift-down. Above the limit the events are a binary min-heap (a sorted run already is
 * one); when the heap shrinks to a quarter of the limit it is sorted again. Either way the order is
 * the one above: the mode changes speed, never results.
 */
public final class EventQueue {

    /** Largest priority value; priorities are in {@code [0, MAX_PRIORITY]}. */
    public static final int MAX_PRIORITY = 0x7FFF;
    private static final int SEQUENCE_BITS = 48;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    /** Most events kept as a sorted run; past this, insertion shifts cost more than a heap. */
    private static final int SORTED_LIMIT = 32;
    /** Heap size at which the heap is sorted back into a run; well below the limit to avoid flapping. */
    private static final int RESORT_SIZE = SORTED_LIMIT / 4;

    private static final int STRIDE = 4;
    private static final int TIME = 0;
    private static final int KEY = 1;
    private static final int HANDLER = 2;
    private static final int PAYLOAD = 3;

    private long[] entries;
    /** In sorted mode the run is {@code [head, head + size)}; in heap mode {@code head} is 0. */
    private int head;
    private int size;
    private boolean heapMode;
    private long nextSequence;

    private double poppedTime;
    private int poppedHandler;
    private long poppedPayload;

    /** Creates an empty queue with room for {@code initialCapacity} events before it grows. */
    public EventQueue(int initialCapacity) {
        // Twice the sorted limit, so that compacting a sorted run always frees room.
        int capacity = Math.max(2 * SORTED_LIMIT, initialCapacity);
        entries = new long[capacity * STRIDE];
    }

    /** Number of pending events. */
    public int size() {
        return size;
    }

    /** True when no event is pending. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the next event; only meaningful when the queue is not empty. */
    public double peekTime() {
        return Double.longBitsToDouble(entries[head * STRIDE + TIME]);
    }

    /**
     * Adds an event.
     *
     * @param time     when it fires (any finite value; the simulator checks it is not in the past)
     * @param priority tie-breaker among events at the same time, lower first, in {@code [0, 0x7FFF]}
     * @param handler  id of the handler to call
     * @param payload  value passed to the handler
     */
    public void push(double time, int priority, int handler, long payload) {
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be in [0, " + MAX_PRIORITY + "]: " + priority);
        }
        long key = ((long) priority << SEQUENCE_BITS) | (nextSequence++ & SEQUENCE_MASK);
        if (heapMode) {
            heapPush(time, key, handler, payload);
        } else if (size < SORTED_LIMIT) {
            sortedPush(time, key, handler, payload);
        } else {
            compact();
            heapMode = true;
            heapPush(time, key, handler, payload);
        }
    }

    /**
     * Removes the next event; read it with {@link #poppedTime()}, {@link #poppedHandler()} and
     * {@link #poppedPayload()}. The queue must not be empty.
     */
    public void pop() {
        long[] e = entries;
        int top = head * STRIDE;
        poppedTime = Double.longBitsToDouble(e[top + TIME]);
        poppedHandler = (int) e[top + HANDLER];
        poppedPayload = e[top + PAYLOAD];
        size--;
        if (!heapMode) {
            head = size == 0 ? 0 : head + 1;
            return;
        }
        if (size > 0) {
            siftDownLast();
        }
        if (size <= RESORT_SIZE) {
            sortHeap();
        }
    }

    /** Time of the event removed by the last {@link #pop()}. */
    public double poppedTime() {
        return poppedTime;
    }

    /** Handler id of the event removed by the last {@link #pop()}. */
    public int poppedHandler() {
        return poppedHandler;
    }

    /** Payload of the event removed by the last {@link #pop()}. */
    public long poppedPayload() {
        return poppedPayload;
    }

    /** True when an event at (time, key) runs after the event stored at offset {@code at}. */
    private static boolean after(double time, long key, long[] e, int at) {
        double other = Double.longBitsToDouble(e[at + TIME]);
        return time > other || (time == other && key > e[at + KEY]);
    }

    private static void write(long[] e, int at, double time, long key, long handler, long payload) {
        e[at + TIME] = Double.doubleToRawLongBits(time);
        e[at + KEY] = key;
        e[at + HANDLER] = handler;
        e[at + PAYLOAD] = payload;
    }

    private static void copy(long[] e, int from, int to) {
        e[to] = e[from];
        e[to + 1] = e[from + 1];
        e[to + 2] = e[from + 2];
        e[to + 3] = e[from + 3];
    }

    private void sortedPush(double time, long key, int handler, long payload) {
        long[] e = entries;
        if ((head + size) * STRIDE == e.length) {
            compact();
        }
        int end = head + size;
        int at = end * STRIDE;
        int first = head * STRIDE;
        while (at > first && !after(time, key, e, at - STRIDE)) {
            copy(e, at - STRIDE, at);
            at -= STRIDE;
        }
        write(e, at, time, key, handler, payload);
        size++;
    }

    /** Moves a sorted run to the start of the array. */
    private void compact() {
        if (head > 0) {
            System.arraycopy(entries, head * STRIDE, entries, 0, size * STRIDE);
            head = 0;
        }
    }

    private void heapPush(double time, long key, int handler, long payload) {
        if (size * STRIDE == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        long[] e = entries;
        int hole = size++;
        // Sift up by moving parents down into the hole, then write once.
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (after(time, key, e, parent * STRIDE)) {
                break;
            }
            copy(e, parent * STRIDE, hole * STRIDE);
            hole = parent;
        }
        write(e, hole * STRIDE, time, key, handler, payload);
    }

    /** Re-inserts the heap's last event from the root after the root has been taken. */
    private void siftDownLast() {
        long[] e = entries;
        int last = size;
        int from = last * STRIDE;
        double time = Double.longBitsToDouble(e[from + TIME]);
        long key = e[from + KEY];
        long handler = e[from + HANDLER];
        long payload = e[from + PAYLOAD];
        int hole = 0;
        int half = last >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < last && after(Double.longBitsToDouble(e[child * STRIDE + TIME]), e[child * STRIDE + KEY],
                    e, right * STRIDE)) {
                child = right;
            }
            if (!after(time, key, e, child * STRIDE)) {
                break;
            }
            copy(e, child * STRIDE, hole * STRIDE);
            hole = child;
        }
        write(e, hole * STRIDE, time, key, handler, payload);
    }

    /** Insertion-sorts the (small) heap back into a run starting at 0. */
    private void sortHeap() {
        long[] e = entries;
        for (int i = 1; i < size; i++) {
            int from = i * STRIDE;
            double time = Double.longBitsToDouble(e[from + TIME]);
            long key = e[from + KEY];
            long handler = e[from + HANDLER];
            long payload = e[from + PAYLOAD];
            int slot = i;
            while (slot > 0 && !after(time, key, e, (slot - 1) * STRIDE)) {
                copy(e, (slot - 1) * STRIDE, slot * STRIDE);
                slot--;
            }
            write(e, slot * STRIDE, time, key, handler, payload);
        }
        heapMode = false;
        head = 0;
    }
}
