package io.fleetsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void rejectsEventsInThePast() {
        Simulator sim = new Simulator();
        int noop = sim.register(payload -> { });
        sim.schedule(5.0, noop, 0);
        sim.runUntil(5.0);
        assertEquals(5.0, sim.now());
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(4.999, noop, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleIn(-1e-9, noop, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Double.NaN, noop, 0));
        sim.schedule(5.0, noop, 0);
        assertEquals(1, sim.pendingEvents());
    }

    @Test
    void runUntilRunsEventsUpToAndIncludingEndAndLeavesClockAtEnd() {
        Simulator sim = new Simulator();
        List<Double> fired = new ArrayList<>();
        int record = sim.register(payload -> fired.add(sim.now()));
        for (double t : new double[] {3.0, 1.0, 5.0, 2.0}) {
            sim.schedule(t, record, 0);
        }
        sim.runUntil(3.0);
        assertEquals(List.of(1.0, 2.0, 3.0), fired);
        assertEquals(3.0, sim.now());
        assertEquals(1, sim.pendingEvents());
        assertEquals(3, sim.eventsProcessed());

        sim.runUntil(4.0);
        assertEquals(4.0, sim.now(), "the clock advances to the end even without events");
        assertEquals(List.of(1.0, 2.0, 3.0), fired);
        assertEquals(1, sim.pendingEvents());

        sim.runUntil(10.0);
        assertEquals(List.of(1.0, 2.0, 3.0, 5.0), fired);
        assertEquals(10.0, sim.now());
    }

    @Test
    void runningToExhaustionLeavesClockAtLastEvent() {
        Simulator sim = new Simulator();
        int noop = sim.register(payload -> { });
        sim.schedule(2.5, noop, 0);
        sim.runUntil(Double.POSITIVE_INFINITY);
        assertEquals(2.5, sim.now());
        sim.scheduleIn(1.0, noop, 0);
        sim.runUntil(Double.POSITIVE_INFINITY);
        assertEquals(3.5, sim.now());
    }

    @Test
    void stopReturnsAfterTheCurrentEventAndRunCanResume() {
        Simulator sim = new Simulator();
        List<Long> fired = new ArrayList<>();
        int handler = sim.register(payload -> {
            fired.add(payload);
            if (payload == 2) {
                sim.stop();
            }
        });
        for (long i = 1; i <= 4; i++) {
            sim.schedule(i, handler, i);
        }
        sim.runUntil(100.0);
        assertEquals(List.of(1L, 2L), fired);
        assertEquals(2.0, sim.now(), "a stopped run leaves the clock at the stopping event");
        assertEquals(2, sim.pendingEvents());

        sim.runUntil(100.0);
        assertEquals(List.of(1L, 2L, 3L, 4L), fired);
        assertEquals(100.0, sim.now());
    }

    @Test
    void handlerIdsAreSequentialAndDispatchCarriesPayload() {
        Simulator sim = new Simulator();
        int count = 20;
        long[] received = new long[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            assertEquals(i, sim.register(payload -> received[index] = payload));
        }
        for (int i = 0; i < count; i++) {
            sim.scheduleIn(i, i, 1000L + i);
        }
        sim.runUntil(Double.POSITIVE_INFINITY);
        for (int i = 0; i < count; i++) {
            assertEquals(1000L + i, received[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(sim.now(), count, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(sim.now(), -1, 0));
    }

    @Test
    void simultaneousEventsRunByPriorityThenSchedulingOrder() {
        Simulator sim = new Simulator();
        List<Long> fired = new ArrayList<>();
        int handler = sim.register(fired::add);
        sim.schedule(1.0, handler, 1);
        sim.schedule(1.0, 50, handler, 2);
        sim.schedule(1.0, handler, 3);
        sim.schedule(1.0, 50, handler, 4);
        sim.runUntil(1.0);
        assertEquals(List.of(2L, 4L, 1L, 3L), fired);
    }

    @Test
    void handlersMayScheduleAtTheCurrentTime() {
        Simulator sim = new Simulator();
        List<Double> fired = new ArrayList<>();
        int[] ids = new int[1];
        ids[0] = sim.register(payload -> {
            fired.add(sim.now());
            if (payload > 0) {
                sim.scheduleIn(0.0, ids[0], payload - 1);
            }
        });
        sim.schedule(1.0, ids[0], 3);
        sim.runUntil(1.0);
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), fired);
    }

    @Test
    void aTimerHoldsOneEventThatMovesOrIsCancelled() {
        Simulator sim = new Simulator();
        List<String> fired = new ArrayList<>();
        int record = sim.register(payload -> fired.add(sim.now() + ":" + payload));
        int timer = sim.newTimer();
        sim.setTimer(timer, 5.0, record, 1);
        sim.schedule(2.0, record, 2);
        sim.setTimer(timer, 2.0, record, 3);
        assertEquals(2, sim.pendingEvents(), "the timer's first event was replaced, not left behind");
        sim.runUntil(3.0);
        assertEquals(List.of("2.0:2", "2.0:3"), fired, "moved to 2.0, it runs after the event already there");
        assertThrows(IllegalArgumentException.class, () -> sim.setTimer(timer, 2.5, record, 4));
        sim.setTimer(timer, 4.0, record, 5);
        assertTrue(sim.cancelTimer(timer));
        assertFalse(sim.cancelTimer(timer));
        sim.runUntil(10.0);
        assertEquals(2, fired.size());
        assertEquals(2, sim.eventsProcessed());
    }
}
