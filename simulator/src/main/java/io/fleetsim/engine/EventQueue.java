package io.fleetsim.engine;

import java.util.Arrays;

/**
 * Future-event list: a binary min-heap kept in parallel primitive arrays, so that scheduling and
 * popping an event allocate nothing once the arrays have grown to the peak number of pending
 * events.
 *
 * <p>Order: earlier time first; at equal times, lower priority value first; at equal time and
 * priority, the event scheduled first runs first (FIFO). The last two are packed into one
 * {@code long} key ({@code priority << 48 | sequence}), so ties are exact and deterministic.
 */
public final class EventQueue {

    /** Largest priority value; priorities are in {@code [0, MAX_PRIORITY]}. */
    public static final int MAX_PRIORITY = 0x7FFF;
    private static final int SEQUENCE_BITS = 48;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private double[] times;
    private long[] keys;
    private int[] handlers;
    private long[] payloads;
    private int size;
    private long nextSequence;

    private double poppedTime;
    private int poppedHandler;
    private long poppedPayload;

    /** Creates an empty queue with room for {@code initialCapacity} events before it grows. */
    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new double[capacity];
        keys = new long[capacity];
        handlers = new int[capacity];
        payloads = new long[capacity];
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
        return times[0];
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
        if (size == times.length) {
            grow();
        }
        long key = ((long) priority << SEQUENCE_BITS) | (nextSequence++ & SEQUENCE_MASK);
        int hole = size++;
        // Sift up by moving parents down into the hole, then write once.
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(time, key, times[parent], keys[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        times[hole] = time;
        keys[hole] = key;
        handlers[hole] = handler;
        payloads[hole] = payload;
    }

    /**
     * Removes the next event; read it with {@link #poppedTime()}, {@link #poppedHandler()} and
     * {@link #poppedPayload()}. The queue must not be empty.
     */
    public void pop() {
        poppedTime = times[0];
        poppedHandler = handlers[0];
        poppedPayload = payloads[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        double time = times[last];
        long key = keys[last];
        int handler = handlers[last];
        long payload = payloads[last];
        int hole = 0;
        int half = last >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < last && before(times[right], keys[right], times[child], keys[child])) {
                child = right;
            }
            if (!before(times[child], keys[child], time, key)) {
                break;
            }
            move(child, hole);
            hole = child;
        }
        times[hole] = time;
        keys[hole] = key;
        handlers[hole] = handler;
        payloads[hole] = payload;
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

    private static boolean before(double timeA, long keyA, double timeB, long keyB) {
        return timeA < timeB || (timeA == timeB && keyA < keyB);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        keys[to] = keys[from];
        handlers[to] = handlers[from];
        payloads[to] = payloads[from];
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        keys = Arrays.copyOf(keys, capacity);
        handlers = Arrays.copyOf(handlers, capacity);
        payloads = Arrays.copyOf(payloads, capacity);
    }
}
