package io.fleetsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
}
