package io.fleetsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    /** What the queue must reproduce: order by time, then priority, then insertion. */
    private record Entry(double time, int priority, long sequence, int handler, long payload) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::time)
            .thenComparingInt(Entry::priority)
            .thenComparingLong(Entry::sequence);

    @Test
    void matchesPriorityQueueOracleUnderRandomPushesAndPops() {
        SplittableRandom random = new SplittableRandom(20240611L);
        EventQueue queue = new EventQueue(16);
        PriorityQueue<Entry> oracle = new PriorityQueue<>(ORDER);
        long sequence = 0;
        double now = 0;
        long pops = 0;
        // Each phase walks the size towards a random target with biased random pushes and pops, so
        // sizes cross every range (small, around the initial capacity, thousands) in both
        // directions many times; the last phase drains the queue.
        for (int phase = 0; phase <= 60; phase++) {
            int target = phase == 60 ? 0 : random.nextInt(random.nextBoolean() ? 80 : 3000);
            boolean growing = oracle.size() < target;
            while (growing ? oracle.size() < target : oracle.size() > target) {
                boolean push = random.nextInt(4) == 0 ? !growing : growing;
                if (push || oracle.isEmpty()) {
                    // Few distinct times and priorities give many exact ties; times may also lie
                    // before the last popped one, which the queue itself allows.
                    double time = now + (random.nextInt(8) - 2) * 0.25;
                    int priority = random.nextInt(4) == 0
                            ? random.nextInt(EventQueue.MAX_PRIORITY + 1) : random.nextInt(3);
                    int handler = random.nextInt(5);
                    long payload = random.nextLong();
                    queue.push(time, priority, handler, payload);
                    oracle.add(new Entry(time, priority, sequence++, handler, payload));
                } else {
                    Entry expected = oracle.poll();
                    assertEquals(expected.time(), queue.peekTime(), "peek before pop " + pops);
                    queue.pop();
                    pops++;
                    assertEquals(expected.time(), queue.poppedTime(), "time of pop " + pops);
                    assertEquals(expected.handler(), queue.poppedHandler(), "handler of pop " + pops);
                    assertEquals(expected.payload(), queue.poppedPayload(), "payload of pop " + pops);
                    now = expected.time();
                }
                assertEquals(oracle.size(), queue.size());
            }
        }
        assertTrue(queue.isEmpty());
        assertTrue(pops > 10_000, "the test should exercise many pops, did " + pops);
    }

    @Test
    void steadySmallQueueMatchesOracleOverManyCycles() {
        // A few servers' worth of pending events for a long time, as in the M/M/c model: the
        // small-size storage is walked through the whole array again and again.
        SplittableRandom random = new SplittableRandom(3);
        EventQueue queue = new EventQueue(16);
        PriorityQueue<Entry> oracle = new PriorityQueue<>(ORDER);
        double now = 0;
        long sequence = 0;
        for (int i = 0; i < 20_000; i++) {
            while (oracle.size() < 9) {
                double time = now + (random.nextInt(4) == 0 ? 0 : random.nextDouble());
                int priority = random.nextInt(2);
                queue.push(time, priority, 1, sequence);
                oracle.add(new Entry(time, priority, sequence, 1, sequence));
                sequence++;
            }
            Entry expected = oracle.poll();
            queue.pop();
            assertEquals(expected.time(), queue.poppedTime());
            assertEquals(expected.payload(), queue.poppedPayload());
            now = expected.time();
        }
        assertEquals(oracle.size(), queue.size());
    }

    @Test
    void equalTimesRunLowerPriorityFirstThenInInsertionOrder() {
        EventQueue queue = new EventQueue(16);
        queue.push(1.0, 5, 0, 10);
        queue.push(1.0, 3, 0, 20);
        queue.push(0.5, 9, 0, 30);
        queue.push(1.0, 5, 0, 40);
        queue.push(1.0, 3, 0, 50);
        queue.push(1.0, 0, 0, 60);
        queue.push(1.0, 5, 0, 70);
        long[] expected = {30, 60, 20, 50, 10, 40, 70};
        for (long payload : expected) {
            queue.pop();
            assertEquals(payload, queue.poppedPayload());
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void growsBeyondInitialCapacityAndKeepsOrder() {
        EventQueue queue = new EventQueue(1);
        int n = 10_000;
        SplittableRandom random = new SplittableRandom(7);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double time = random.nextInt(1000);
            queue.push(time, 0, i % 3, i);
            entries.add(new Entry(time, 0, i, i % 3, i));
        }
        assertEquals(n, queue.size());
        entries.sort(ORDER);
        for (Entry expected : entries) {
            queue.pop();
            assertEquals(expected.time(), queue.poppedTime());
            assertEquals(expected.handler(), queue.poppedHandler());
            assertEquals(expected.payload(), queue.poppedPayload());
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void infiniteTimesAreOrderedLast() {
        EventQueue queue = new EventQueue(16);
        queue.push(Double.POSITIVE_INFINITY, 0, 0, 1);
        queue.push(3.0, 0, 0, 2);
        queue.push(Double.POSITIVE_INFINITY, 0, 0, 3);
        long[] expected = {2, 1, 3};
        for (long payload : expected) {
            queue.pop();
            assertEquals(payload, queue.poppedPayload());
        }
    }

    @Test
    void rejectsPrioritiesOutOfRange() {
        EventQueue queue = new EventQueue(16);
        assertThrows(IllegalArgumentException.class, () -> queue.push(1.0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> queue.push(1.0, EventQueue.MAX_PRIORITY + 1, 0, 0));
        queue.push(1.0, EventQueue.MAX_PRIORITY, 0, 0);
        assertEquals(1, queue.size());
    }

    @Test
    void timersMatchOracleUnderRandomPushesMovesCancelsAndPops() {
        // Plain events, timer events moved earlier and later, and cancels, at every size the
        // queue goes through (sorted run and heap, both ways); the oracle removes and re-adds a
        // moved event with a new sequence number, as a newly pushed event would have.
        SplittableRandom random = new SplittableRandom(16);
        EventQueue queue = new EventQueue(16);
        PriorityQueue<Entry> oracle = new PriorityQueue<>(ORDER);
        int[] timers = new int[400];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = queue.newTimer();
        }
        Map<Integer, Entry> pendingOfTimer = new HashMap<>();
        Map<Long, Integer> timerOfPayload = new HashMap<>();
        long sequence = 0;
        long payloads = 0;
        double now = 0;
        long pops = 0;
        long moves = 0;
        long cancels = 0;
        for (int phase = 0; phase <= 40; phase++) {
            int target = phase == 40 ? 0 : random.nextInt(random.nextBoolean() ? 40 : 600);
            boolean growing = oracle.size() < target;
            while (growing ? oracle.size() < target : oracle.size() > target) {
                boolean add = oracle.isEmpty() || (random.nextInt(4) == 0 ? !growing : growing);
                int action = random.nextInt(2);
                double time = now + random.nextInt(6) * 0.5;
                int priority = random.nextInt(3);
                long payload = payloads++;
                if (add && action % 2 == 0) {
                    queue.push(time, priority, 1, payload);
                    oracle.add(new Entry(time, priority, sequence++, 1, payload));
                } else if (add) {
                    int index = random.nextInt(timers.length);
                    Entry old = pendingOfTimer.remove(index);
                    if (old != null) {
                        oracle.remove(old);
                        timerOfPayload.remove(old.payload());
                        moves++;
                    }
                    queue.pushTimer(timers[index], time, priority, 2, payload);
                    Entry entry = new Entry(time, priority, sequence++, 2, payload);
                    oracle.add(entry);
                    pendingOfTimer.put(index, entry);
                    timerOfPayload.put(payload, index);
                } else if (action % 2 == 0 && !pendingOfTimer.isEmpty()) {
                    int index = anyPending(pendingOfTimer, random, timers.length);
                    Entry old = pendingOfTimer.remove(index);
                    oracle.remove(old);
                    timerOfPayload.remove(old.payload());
                    assertTrue(queue.cancel(timers[index]));
                    assertFalse(queue.isPending(timers[index]));
                    cancels++;
                } else {
                    Entry expected = oracle.poll();
                    assertEquals(expected.time(), queue.peekTime(), "peek before pop " + pops);
                    queue.pop();
                    pops++;
                    assertEquals(expected.time(), queue.poppedTime(), "time of pop " + pops);
                    assertEquals(expected.handler(), queue.poppedHandler(), "handler of pop " + pops);
                    assertEquals(expected.payload(), queue.poppedPayload(), "payload of pop " + pops);
                    Integer index = timerOfPayload.remove(expected.payload());
                    if (index != null) {
                        pendingOfTimer.remove(index);
                        assertFalse(queue.isPending(timers[index]));
                    }
                    now = expected.time();
                }
                assertEquals(oracle.size(), queue.size());
                if (pops % 256 == 0) {
                    for (int index : pendingOfTimer.keySet()) {
                        assertTrue(queue.isPending(timers[index]));
                    }
                }
            }
        }
        assertTrue(queue.isEmpty());
        assertTrue(pops > 2_000 && moves > 300 && cancels > 1_000,
                "pops " + pops + ", moves " + moves + ", cancels " + cancels);
    }

    /** A pending timer's index, drawn by probing from a random index (deterministic: no hash order). */
    private static int anyPending(Map<Integer, Entry> pending, SplittableRandom random, int timers) {
        int index = random.nextInt(timers);
        while (!pending.containsKey(index)) {
            index = (index + 1) % timers;
        }
        return index;
    }

    @Test
    void aMovedEventRunsAfterEventsAlreadyPendingAtItsTime() {
        for (int others : new int[] {3, 100}) {
            EventQueue queue = new EventQueue(16);
            int timer = queue.newTimer();
            queue.pushTimer(timer, 5.0, 0, 0, -1);
            for (int i = 0; i < others; i++) {
                queue.push(1.0 + i % 2, 0, 0, i);
            }
            // Moved to 1.0: behind every event already pending at 1.0 (same priority), ahead of 2.0.
            queue.pushTimer(timer, 1.0, 0, 0, -2);
            queue.push(1.0, 0, 0, -3);
            List<Long> order = new ArrayList<>();
            while (!queue.isEmpty()) {
                queue.pop();
                order.add(queue.poppedPayload());
            }
            assertEquals(others + 2, order.size(), "the replaced event is gone (" + others + " others)");
            int moved = order.indexOf(-2L);
            assertEquals((others + 1) / 2, moved, "after the events at 1.0 (" + others + " others)");
            assertEquals(-3L, order.get(moved + 1));
        }
    }

    @Test
    void cancelsTheHeadAMiddleAndTheLastEventInRunAndHeap() {
        for (int n : new int[] {5, 200}) {
            for (int victim : new int[] {0, n / 2, n - 1}) {
                EventQueue queue = new EventQueue(16);
                int[] timers = new int[n];
                for (int i = 0; i < n; i++) {
                    timers[i] = queue.newTimer();
                }
                // Pushed in reverse so the heap is not simply in insertion order; times i.
                for (int i = n - 1; i >= 0; i--) {
                    queue.pushTimer(timers[i], i, 0, 0, i);
                }
                assertTrue(queue.cancel(timers[victim]));
                assertFalse(queue.cancel(timers[victim]), "a second cancel finds nothing");
                assertEquals(n - 1, queue.size());
                for (int i = 0; i < n; i++) {
                    if (i == victim) {
                        continue;
                    }
                    queue.pop();
                    assertEquals(i, queue.poppedPayload(), "n " + n + ", cancelled " + victim);
                    assertFalse(queue.isPending(timers[i]));
                }
                assertTrue(queue.isEmpty());
            }
        }
    }

    @Test
    void aPoppedTimerCanBeSetAgainAndUnknownTimersAreRefused() {
        EventQueue queue = new EventQueue(16);
        int timer = queue.newTimer();
        assertFalse(queue.isPending(timer));
        assertFalse(queue.cancel(timer));
        queue.pushTimer(timer, 1.0, 0, 3, 7);
        assertTrue(queue.isPending(timer));
        queue.pop();
        assertEquals(3, queue.poppedHandler());
        assertFalse(queue.isPending(timer));
        queue.pushTimer(timer, 2.0, 0, 3, 8);
        assertEquals(1, queue.size());
        assertThrows(IllegalArgumentException.class, () -> queue.pushTimer(0, 1.0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> queue.cancel(timer + 1));
    }
}
