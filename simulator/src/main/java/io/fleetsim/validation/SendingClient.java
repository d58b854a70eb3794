package io.fleetsim.validation;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.serving.Server;
import io.fleetsim.serving.ServingListener;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.TrafficGenerator;
import java.util.ArrayDeque;

/**
 * What a benchmark client and its path to the engine share, whether it sends in a closed loop or
 * at a rate: a request sent reaches the engine's queue a request latency later, a constant plus a
 * time per request then in flight at the replica, itself included
 * ({@link PerformanceSpec#requestLatencyPerInFlightSeconds}), and the engine's replica takes work from that
 * queue. The front end is first come, first served: no request reaches the engine before one sent
 * earlier. Subclasses decide when to send ({@link #onSend}) and what to measure, and say when a
 * request has ended ({@link #ended}).
 */
abstract class SendingClient implements EventHandler, WorkSource, ServingListener {

    /** Event payload: the client sends now. */
    static final long SEND = 1;
    /** Event payload: the oldest request sent reaches the engine. */
    private static final long ARRIVE = 2;

    final Simulator sim = new Simulator();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final ArrayDeque<Request> travelling = new ArrayDeque<>();
    private final double requestLatency;
    private final double perInFlight;
    private final int promptTokens;
    private final int outputTokens;
    /** Set by the subclass once it has built its server (so that the server registers first). */
    Server replica;
    int handlerId;
    long sent;
    private int inFlight;
    private double lastArrival;

    SendingClient(double requestLatency, double perInFlight, int promptTokens, int outputTokens) {
        this.requestLatency = requestLatency;
        this.perInFlight = perInFlight;
        this.promptTokens = promptTokens;
        this.outputTokens = outputTokens;
    }

    /** Registers this client with the simulator; call after building {@link #replica}. */
    final void register() {
        handlerId = sim.register(this);
    }

    /** Schedules a send at {@code time}. */
    final void sendAt(double time) {
        sim.schedule(time, TrafficGenerator.ARRIVAL_PRIORITY, handlerId, SEND);
    }

    /** Sends the next request now; it reaches the engine a request latency later. */
    final void send() {
        travelling.add(new Request(sent++, 0, sim.now(), promptTokens, outputTokens));
        inFlight++;
        lastArrival = Math.max(lastArrival, sim.now() + requestLatency + perInFlight * inFlight);
        sim.schedule(lastArrival, TrafficGenerator.ARRIVAL_PRIORITY, handlerId, ARRIVE);
    }

    /** A request sent has ended (its last token delivered): it is no longer in flight. */
    final void ended() {
        inFlight--;
    }

    /** A {@link #SEND} event: the subclass sends (or not) and schedules what follows. */
    abstract void onSend();

    @Override
    public final void handle(long payload) {
        if (payload == SEND) {
            onSend();
            return;
        }
        queue.add(travelling.poll());
        replica.wake();
    }

    @Override
    public final Request peek() {
        return queue.peek();
    }

    @Override
    public final Request poll() {
        return queue.poll();
    }

    @Override
    public final int waiting() {
        return queue.size();
    }
}
