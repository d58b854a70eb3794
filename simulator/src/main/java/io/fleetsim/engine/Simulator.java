package io.fleetsim.engine;

import java.util.Arrays;

/**
 * The discrete-event executive: a clock and a loop that pops the next event and calls its handler.
 * It knows nothing of LLMs, pools or money.
 *
 * <p><b>Order of events.</b> Events run in order of time. Events at exactly the same time run in
 * order of priority (lower value first; {@link #DEFAULT_PRIORITY} unless given), and events with
 * the same time and priority run in the order in which they were scheduled. The order is therefore
 * fully determined by the model, never by hashing or wall-clock effects.
 *
 * <p>Handlers are registered up front and referred to by integer id so that scheduling an event
 * allocates nothing.
 *
 * <p>A model that keeps re-planning one future event (a server whose next step ends earlier when
 * new work arrives) holds it in a timer: {@link #setTimer} moves the pending event instead of
 * leaving a stale one to be popped and ignored, and {@link #cancelTimer} removes it.
 */
public final class Simulator {

    /** Priority used when none is given. */
    public static final int DEFAULT_PRIORITY = 100;

    private final EventQueue queue = new EventQueue(1024);
    private EventHandler[] handlers = new EventHandler[8];
    private int handlerCount;
    private double now;
    private long eventsProcessed;
    private boolean stopRequested;

    /** Registers a handler and returns the id to schedule its events with. */
    public int register(EventHandler handler) {
        if (handlerCount == handlers.length) {
            handlers = Arrays.copyOf(handlers, handlerCount * 2);
        }
        handlers[handlerCount] = handler;
        return handlerCount++;
    }

    /** The current simulated time, in seconds. */
    public double now() {
        return now;
    }

    /** Number of events handled so far. */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Number of events waiting to fire. */
    public int pendingEvents() {
        return queue.size();
    }

    /** Schedules an event at an absolute time with the default priority. */
    public void schedule(double time, int handler, long payload) {
        schedule(time, DEFAULT_PRIORITY, handler, payload);
    }

    /** Schedules an event at an absolute time, which must not be before {@link #now()}. */
    public void schedule(double time, int priority, int handler, long payload) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + ", before now " + now);
        }
        if (handler < 0 || handler >= handlerCount) {
            throw new IllegalArgumentException("unknown handler id " + handler);
        }
        queue.push(time, priority, handler, payload);
    }

    /** Creates a timer: a handle on at most one pending event, for {@link #setTimer} and {@link #cancelTimer}. */
    public int newTimer() {
        return queue.newTimer();
    }

    /**
     * Schedules {@code timer}'s event at an absolute time (not before {@link #now()}) with the
     * default priority, replacing its pending event if it has one. The event runs exactly where
     * one {@linkplain #schedule(double, int, long) scheduled} now would.
     */
    public void setTimer(int timer, double time, int handler, long payload) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + ", before now " + now);
        }
        if (handler < 0 || handler >= handlerCount) {
            throw new IllegalArgumentException("unknown handler id " + handler);
        }
        queue.pushTimer(timer, time, DEFAULT_PRIORITY, handler, payload);
    }

    /**
     * Removes {@code timer}'s pending event, if it has one.
     *
     * @return true when an event was removed
     */
    public boolean cancelTimer(int timer) {
        return queue.cancel(timer);
    }

    /** Schedules an event {@code delay} seconds from now with the default priority. */
    public void scheduleIn(double delay, int handler, long payload) {
        schedule(now + delay, DEFAULT_PRIORITY, handler, payload);
    }

    /** Makes {@link #runUntil} return after the event being handled. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Runs every event whose time is at most {@code endTime}, then leaves the clock at
     * {@code endTime} (unless stopped earlier). Events after {@code endTime} stay pending. With an
     * infinite {@code endTime} it runs until no event is left and leaves the clock at the last one.
     */
    public void runUntil(double endTime) {
        stopRequested = false;
        EventQueue q = queue;
        EventHandler[] hs = handlers;
        while (!q.isEmpty() && q.peekTime() <= endTime) {
            q.pop();
            now = q.poppedTime();
            eventsProcessed++;
            hs[q.poppedHandler()].handle(q.poppedPayload());
            if (stopRequested) {
                return;
            }
            hs = handlers;
        }
        // An infinite end means "until exhausted": moving the clock to infinity would poison
        // every later now() and scheduleIn().
        if (endTime > now && endTime != Double.POSITIVE_INFINITY) {
            now = endTime;
        }
    }
}
