package io.fleetsim.bench;

import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.theory.ErlangC;

/**
 * Throughput benchmark of the bare event engine: an M/M/c queue (mean service time 1 time unit)
 * built directly on {@link Simulator}, whose simulated mean wait is also compared with the exact
 * Erlang C value so that a fast but wrong engine cannot pass unnoticed.
 *
 * <p>The model has two handlers, arrival and departure. Waiting customers are represented only by
 * their arrival times in a primitive ring buffer, busy servers by an {@code int}, and events carry
 * no payload, so the steady state allocates nothing per event: what is measured is the event
 * queue, the dispatch and the exponential variates (drawn with {@code RandomStream.nextExponential}
 * from the {@code "arrivals"} and {@code "service"} streams, one per event).
 *
 * <p>Each stream's next variate is drawn one step ahead of its use. The sample path is the same as
 * drawing on demand (each stream feeds one kind of quantity, in order), but the variate's latency
 * then overlaps the engine's work instead of stalling it.
 */
public final class MmcEngineBenchmark {

    /** Customers in the JIT warm-up run of {@link #warmUpAndRun}. */
    private static final long WARM_UP_CUSTOMERS = 1_000_000;

    /**
     * Outcome of one run.
     *
     * @param customers          customers served
     * @param events             events handled by the simulator (two per customer)
     * @param wallSeconds        wall-clock time of the event loop alone
     * @param eventsPerSecond    {@code events / wallSeconds}
     * @param meanWaitSimulated  mean time in queue over all customers, in service-time units
     * @param meanWaitErlangC    the exact steady-state M/M/c mean time in queue
     */
    public record Result(long customers, long events, double wallSeconds, double eventsPerSecond,
                         double meanWaitSimulated, double meanWaitErlangC) {
    }

    private MmcEngineBenchmark() {
    }

    /**
     * Simulates {@code customers} customers through an M/M/c queue that starts empty and idle.
     *
     * @param servers     c, at least 1
     * @param utilization &rho; = &lambda;/c (service rate 1), in (0, 1)
     * @param customers   number of arrivals to generate and serve, at least 1
     * @param seed        seed of the {@code "arrivals"} and {@code "service"} streams
     * @return the counts, the wall-clock time of the event loop and both mean waits
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Result run(int servers, double utilization, long customers, long seed) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1: " + servers);
        }
        if (!(utilization > 0 && utilization < 1)) {
            throw new IllegalArgumentException("utilization must be in (0, 1): " + utilization);
        }
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1: " + customers);
        }
        double arrivalRate = utilization * servers;
        Model model = new Model(servers, 1.0 / arrivalRate, customers, new RandomStreams(seed));
        long start = System.nanoTime();
        model.run();
        double wallSeconds = (System.nanoTime() - start) * 1e-9;
        long events = model.sim.eventsProcessed();
        return new Result(model.served, events, wallSeconds, events / wallSeconds,
                model.waitSum / model.served, ErlangC.meanWait(arrivalRate, 1.0, servers));
    }

    /**
     * Runs a smaller model first so that the JIT has compiled the event loop and the handlers, then
     * runs and returns the measured one. This is what a throughput figure should be taken from.
     *
     * @param servers     c, at least 1
     * @param utilization &rho; = &lambda;/c (service rate 1), in (0, 1)
     * @param customers   customers in the measured run, at least 1
     * @param seed        seed of the measured run (the warm-up uses another)
     * @return the result of the measured run only
     * @throws IllegalArgumentException if an argument is out of range
     * @see #run(int, double, long, long)
     */
    public static Result warmUpAndRun(int servers, double utilization, long customers, long seed) {
        // A different seed keeps the warm-up from being a prefix of the measured run.
        run(servers, utilization, Math.min(customers, WARM_UP_CUSTOMERS), ~seed);
        return run(servers, utilization, customers, seed);
    }

    /** The queue's state and its two handlers. */
    private static final class Model {

        private final Simulator sim = new Simulator();
        private final RandomStream arrivals;
        private final RandomStream service;
        private final double meanInterarrival;
        private final int servers;
        private final long customers;
        private final int arrivalHandler;
        private final int departureHandler;

        // Drawn one step ahead: see the class comment.
        private double nextGap;
        private double nextService;
        private int busy;
        private long arrived;
        private long served;
        private double waitSum;

        // Arrival times of waiting customers, FIFO; capacity is a power of two so wrapping is a mask.
        private double[] waiting = new double[1024];
        private int head;
        private int waitingCount;

        Model(int servers, double meanInterarrival, long customers, RandomStreams streams) {
            this.servers = servers;
            this.meanInterarrival = meanInterarrival;
            this.customers = customers;
            this.arrivals = streams.stream("arrivals");
            this.service = streams.stream("service");
            this.arrivalHandler = sim.register(payload -> onArrival());
            this.departureHandler = sim.register(payload -> onDeparture());
        }

        void run() {
            nextService = service.nextExponential(1.0);
            nextGap = arrivals.nextExponential(meanInterarrival);
            sim.schedule(drawGap(), arrivalHandler, 0);
            sim.runUntil(Double.POSITIVE_INFINITY);
        }

        private void onArrival() {
            if (++arrived < customers) {
                sim.scheduleIn(drawGap(), arrivalHandler, 0);
            }
            if (busy < servers) {
                busy++;
                sim.scheduleIn(drawService(), departureHandler, 0);
            } else {
                enqueue(sim.now());
            }
        }

        private void onDeparture() {
            if (++served == customers) {
                sim.stop();
                return;
            }
            if (waitingCount > 0) {
                waitSum += sim.now() - dequeue();
                sim.scheduleIn(drawService(), departureHandler, 0);
            } else {
                busy--;
            }
        }

        private double drawGap() {
            double gap = nextGap;
            nextGap = arrivals.nextExponential(meanInterarrival);
            return gap;
        }

        private double drawService() {
            double time = nextService;
            nextService = service.nextExponential(1.0);
            return time;
        }

        private void enqueue(double arrivalTime) {
            if (waitingCount == waiting.length) {
                grow();
            }
            waiting[(head + waitingCount) & (waiting.length - 1)] = arrivalTime;
            waitingCount++;
        }

        private double dequeue() {
            double arrivalTime = waiting[head];
            head = (head + 1) & (waiting.length - 1);
            waitingCount--;
            return arrivalTime;
        }

        private void grow() {
            double[] larger = new double[waiting.length * 2];
            int firstPart = Math.min(waitingCount, waiting.length - head);
            System.arraycopy(waiting, head, larger, 0, firstPart);
            System.arraycopy(waiting, 0, larger, firstPart, waitingCount - firstPart);
            waiting = larger;
            head = 0;
        }
    }
}
