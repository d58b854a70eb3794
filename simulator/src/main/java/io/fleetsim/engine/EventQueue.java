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
 * <p>Layout: an event that is not a timer's is four consecutive {@code long}s (time bits, key,
 * handler, payload), so comparing or moving one touches adjacent memory rather than four arrays.
 * While at most {@value #SORTED_LIMIT} such events are pending they form a sorted run: popping is an index increment, and pushing scans from the latest end,
 * where newly scheduled events usually belong. A model with a handful of servers lives entirely in
 * this mode, where a push costs one hard-to-predict branch instead of the several of a heap's
 * sift-up and sift-down. Above the limit the events are a 4-ary min-heap (a sorted run already is
 * one; half the depth of a binary heap, and the four children of a slot are adjacent in memory); when the heap shrinks to a quarter of the limit it is sorted again. Either way the order is
 * the one above: the mode changes speed, never results.
 *
 * <p>Timers: the event of a timer ({@link #newTimer()}, {@link #pushTimer}) is kept apart, in a
 * {@link TimerTree} of one slot per timer, where it can be moved or removed where it stands: a
 * model that keeps re-planning one future event leaves no stale events behind, and a popped timer
 * set again costs one replay of the tree's matches instead of a heap's sift-down and sift-up. A
 * pop takes the earlier of the heap's head and the tree's winner. A moved event takes a new
 * sequence number: it runs exactly where an event newly pushed at that time would. Events run in
 * the same order as if they were all in one heap.
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

    private static final long HANDLER_MASK = 0xFFFF_FFFFL;

    private long[] entries;
    /** In sorted mode the run is {@code [head, head + size)}; in heap mode {@code head} is 0. */
    private int head;
    private int size;
    private boolean heapMode;
    private long nextSequence;
    /** The timers' events; timer number {@code n} is slot {@code n - 1}. */
    private final TimerTree timers = new TimerTree();

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
        return size + timers.pending();
    }

    /** True when no event is pending. */
    public boolean isEmpty() {
        return size == 0 && timers.pending() == 0;
    }

    /** Time of the next event; only meaningful when the queue is not empty. */
    public double peekTime() {
        return timerFirst() ? timers.time(timers.earliest()) : Double.longBitsToDouble(entries[head * STRIDE + TIME]);
    }

    /** True when the next event is a timer's: the tree's earliest runs before the heap's head, if any. */
    private boolean timerFirst() {
        if (timers.pending() == 0) {
            return false;
        }
        int slot = timers.earliest();
        return size == 0 || !after(timers.time(slot), timers.key(slot), entries, head * STRIDE);
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
        insert(time, key(priority), handler & HANDLER_MASK, payload);
    }

    /**
     * Creates a timer: a handle on at most one pending event, which {@link #pushTimer} moves and
     * {@link #cancel} removes.
     *
     * @return the timer's number, for {@link #pushTimer}, {@link #cancel} and {@link #isPending}
     */
    public int newTimer() {
        return timers.addSlot() + 1;
    }

    /** True when {@code timer}'s event is pending (pushed and neither popped nor cancelled). */
    public boolean isPending(int timer) {
        return timers.isPending(slotOf(timer));
    }

    /**
     * Adds the event of {@code timer}, replacing its pending event if it has one. Either way it runs
     * exactly where an event {@linkplain #push pushed} now would: after every event already pending
     * at the same time and priority.
     *
     * @param timer    a number from {@link #newTimer()}
     * @param time     when it fires
     * @param priority tie-breaker among events at the same time, lower first, in {@code [0, 0x7FFF]}
     * @param handler  id of the handler to call
     * @param payload  value passed to the handler
     */
    public void pushTimer(int timer, double time, int priority, int handler, long payload) {
        timers.set(slotOf(timer), time, key(priority), handler, payload);
    }

    /**
     * Removes {@code timer}'s pending event, if it has one.
     *
     * @return true when an event was removed
     */
    public boolean cancel(int timer) {
        return timers.cancel(slotOf(timer));
    }

    private int slotOf(int timer) {
        if (timer < 1 || timer > timers.slots()) {
            throw new IllegalArgumentException("unknown timer " + timer);
        }
        return timer - 1;
    }

    private long key(int priority) {
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be in [0, " + MAX_PRIORITY + "]: " + priority);
        }
        return ((long) priority << SEQUENCE_BITS) | (nextSequence++ & SEQUENCE_MASK);
    }

    private void insert(double time, long key, long handler, long payload) {
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
        if (timerFirst()) {
            int slot = timers.earliest();
            poppedTime = timers.time(slot);
            poppedHandler = timers.handler(slot);
            poppedPayload = timers.payload(slot);
            timers.removeEarliest(slot);
            return;
        }
        long[] e = entries;
        int top = head * STRIDE;
        poppedTime = Double.longBitsToDouble(e[top + TIME]);
        poppedHandler = (int) (e[top + HANDLER] & HANDLER_MASK);
        poppedPayload = e[top + PAYLOAD];
        size--;
        if (!heapMode) {
            head = size == 0 ? 0 : head + 1;
            return;
        }
        if (size > 0) {
            int from = size * STRIDE;
            siftDown(0, Double.longBitsToDouble(e[from + TIME]), e[from + KEY], e[from + HANDLER], e[from + PAYLOAD]);
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

    private void write(long[] e, int at, double time, long key, long handler, long payload) {
        e[at + TIME] = Double.doubleToRawLongBits(time);
        e[at + KEY] = key;
        e[at + HANDLER] = handler;
        e[at + PAYLOAD] = payload;
    }

    private void copy(long[] e, int from, int to) {
        e[to] = e[from];
        e[to + 1] = e[from + 1];
        e[to + 2] = e[from + 2];
        e[to + 3] = e[from + 3];
    }

    private void sortedPush(double time, long key, long handler, long payload) {
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
            long[] e = entries;
            System.arraycopy(e, head * STRIDE, e, 0, size * STRIDE);
            head = 0;
        }
    }

    private void heapPush(double time, long key, long handler, long payload) {
        if (size * STRIDE == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        // Sift up by moving parents down into the hole, then write once.
        siftUp(size++, time, key, handler, payload);
    }

    private void siftUp(int hole, double time, long key, long handler, long payload) {
        long[] e = entries;
        while (hole > 0) {
            int parent = (hole - 1) >>> 2;
            if (after(time, key, e, parent * STRIDE)) {
                break;
            }
            copy(e, parent * STRIDE, hole * STRIDE);
            hole = parent;
        }
        write(e, hole * STRIDE, time, key, handler, payload);
    }

    /** Places an event at or below {@code hole} among the heap's first {@code size} slots, moving earlier children up. */
    private void siftDown(int hole, double time, long key, long handler, long payload) {
        long[] e = entries;
        int last = size;
        while (true) {
            int first = 4 * hole + 1;
            if (first >= last) {
                break;
            }
            // The earliest of up to four children: ties cannot happen (keys are unique).
            int child = first;
            int childAt = child * STRIDE;
            double childTime = Double.longBitsToDouble(e[childAt + TIME]);
            long childKey = e[childAt + KEY];
            int end = Math.min(first + 4, last);
            for (int c = first + 1; c < end; c++) {
                int at = c * STRIDE;
                if (after(childTime, childKey, e, at)) {
                    child = c;
                    childAt = at;
                    childTime = Double.longBitsToDouble(e[at + TIME]);
                    childKey = e[at + KEY];
                }
            }
            if (!after(time, key, e, childAt)) {
                break;
            }
            copy(e, childAt, hole * STRIDE);
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
