package io.fleetsim.serving;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.workload.Request;
import java.util.List;

/**
 * The textbook server: one request at a time, each for a service time drawn from a distribution,
 * the whole response delivered at the end. A pool of these behind one FCFS queue is an M/G/c
 * queue, which is how the simulator is checked against Erlang C and Pollaczek-Khinchine.
 */
public final class QueueingServer implements Server, EventHandler {

    private final Simulator sim;
    private final int handlerId;
    private final int pool;
    private final DurationSpec serviceTime;
    private final RandomStream stream;
    private final WorkSource source;
    private final ServingListener listener;
    private final BusyClock clock = new BusyClock();
    private Request current;
    private boolean admitting = true;
    private final DrainSignal drained = new DrainSignal();
    private double admittedAt;
    private long generation;

    /** A server of pool {@code pool} drawing service times from {@code stream}. */
    public QueueingServer(Simulator sim, int pool, DurationSpec serviceTime, RandomStream stream, WorkSource source,
                          ServingListener listener) {
        this.sim = sim;
        this.pool = pool;
        this.serviceTime = serviceTime;
        this.stream = stream;
        this.source = source;
        this.listener = listener;
        this.handlerId = sim.register(this);
    }

    @Override
    public boolean accepts(Request request) {
        return true;
    }

    @Override
    public boolean isIdle() {
        return current == null;
    }

    @Override
    public boolean hasRoomFor(Request request) {
        return admitting && current == null;
    }

    @Override
    public void drain(Runnable whenEmpty) {
        admitting = false;
        if (current == null) {
            whenEmpty.run();
        } else {
            drained.await(whenEmpty);
        }
    }

    @Override
    public boolean cancel(Request request) {
        if (current != request) {
            return false;
        }
        listener.cancelledWork(request, 0);
        current = null;
        source.loadChanged(this);
        generation++;
        startNext();
        return true;
    }

    @Override
    public List<Request> evict() {
        List<Request> lost = current == null ? List.of() : List.of(current);
        if (current != null) {
            listener.lostToInterruption(current, 0);
            current = null;
            source.loadChanged(this);
        }
        admitting = false;
        drained.cancel();
        generation++;
        clock.idleAt(sim.now());
        return lost;
    }

    @Override
    public int inService() {
        return current == null ? 0 : 1;
    }

    @Override
    public void wake() {
        if (current == null) {
            startNext();
        }
    }

    @Override
    public double occupiedSlotSeconds() {
        return clock.busySeconds(sim.now());
    }

    @Override
    public double busySeconds(double now) {
        return clock.busySeconds(now);
    }

    @Override
    public void handle(long payload) {
        if (payload != generation) {
            return;
        }
        double now = sim.now();
        listener.firstToken(current, now);
        listener.completed(current, pool, admittedAt, now, now);
        current = null;
        source.loadChanged(this);
        startNext();
    }

    private void startNext() {
        current = admitting ? source.poll() : null;
        double now = sim.now();
        if (current != null) {
            source.loadChanged(this);
        }
        if (current == null) {
            clock.idleAt(now);
            source.serverIdle(this);
            drained.emptied();
            return;
        }
        clock.busyAt(now);
        admittedAt = now;
        listener.admitted(current, this);
        sim.scheduleIn(sample(), handlerId, generation);
    }

    private double sample() {
        if (serviceTime instanceof DurationSpec.Exponential e) {
            return stream.nextExponential(e.meanSeconds());
        }
        return serviceTime.meanSeconds();
    }
}
