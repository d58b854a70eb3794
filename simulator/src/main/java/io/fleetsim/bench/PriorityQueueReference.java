package io.fleetsim.bench;

import io.fleetsim.theory.ErlangC;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The fixed yardstick the speed suite divides by: an M/M/c queue written the plain way, with
 * {@link java.util.PriorityQueue} of event objects and boxed waiting times, no fleetsim code at
 * all. Whatever the machine and its load, fleetsim's figures are quoted as multiples of this run
 * made at the same time, so that a number measured on a busy shared machine still means something.
 *
 * <p>Its mean wait is compared with Erlang C, so the reference cannot get faster by being wrong.
 */
public final class PriorityQueueReference {

    /**
     * Outcome of one run.
     *
     * @param customers         customers served
     * @param events            events popped (two per customer)
     * @param meanWaitSimulated mean time in queue, in mean service times
     * @param meanWaitErlangC   the exact steady-state mean time in queue
     */
    public record Result(long customers, long events, double meanWaitSimulated, double meanWaitErlangC) {
    }

    /** One pending event: an arrival or a departure at a time. */
    private record Event(double time, boolean arrival) {
    }

    private PriorityQueueReference() {
    }

    /**
     * Serves {@code customers} customers through an M/M/{@code servers} queue at utilization
     * {@code utilization} (mean service time 1), starting empty.
     *
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Result run(int servers, double utilization, long customers, long seed) {
        if (servers < 1 || !(utilization > 0 && utilization < 1) || customers < 1) {
            throw new IllegalArgumentException("need servers >= 1, 0 < utilization < 1 and customers >= 1");
        }
        double arrivalRate = utilization * servers;
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Double.compare(a.time(), b.time()));
        ArrayDeque<Double> waiting = new ArrayDeque<>();
        events.add(new Event(random.nextExponential() / arrivalRate, true));
        long arrived = 1;
        long served = 0;
        long popped = 0;
        int busy = 0;
        double waitSum = 0;
        while (served < customers) {
            Event e = events.poll();
            popped++;
            double now = e.time();
            if (e.arrival()) {
                if (arrived < customers) {
                    arrived++;
                    events.add(new Event(now + random.nextExponential() / arrivalRate, true));
                }
                if (busy < servers) {
                    busy++;
                    events.add(new Event(now + random.nextExponential(), false));
                } else {
                    waiting.add(now);
                }
            } else {
                served++;
                Double arrivedAt = waiting.poll();
                if (arrivedAt == null) {
                    busy--;
                } else {
                    waitSum += now - arrivedAt;
                    events.add(new Event(now + random.nextExponential(), false));
                }
            }
        }
        return new Result(served, popped, waitSum / served, ErlangC.meanWait(arrivalRate, 1.0, servers));
    }
}
