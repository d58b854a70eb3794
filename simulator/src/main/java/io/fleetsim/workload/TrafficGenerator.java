package io.fleetsim.workload;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.WorkloadSpec;

/**
 * Turns a {@link WorkloadSpec} into arriving {@link Request}s: open-loop arrivals one event at a
 * time (the next scheduled when one arrives), or a closed loop of users; later turns of
 * conversations follow the answers. Every draw has its own named stream, so a change to the fleet
 * never changes the traffic. When arrivals replay a trace, the arrival event's payload carries the
 * trace row and copy.
 */
public final class TrafficGenerator implements EventHandler, OutcomeListener {

    /** Arrivals run before other events at the same instant, so a request is never missed by a step. */
    public static final int ARRIVAL_PRIORITY = 10;

    private final Simulator sim;
    private final int handlerId;
    private final ArrivalProcess arrivals;
    private final RequestFactory factory;
    private final Conversations conversations;
    private final ClosedLoopUsers closedLoop;
    private final double horizon;
    private final RequestSink sink;

    /** Builds the generator and schedules the first arrivals. */
    public TrafficGenerator(Simulator sim, WorkloadSpec workload, RandomStreams streams, double horizon,
                            RequestSink sink) {
        this.sim = sim;
        this.horizon = horizon;
        this.sink = sink;
        this.factory = new RequestFactory(workload, streams);
        this.conversations = new Conversations(sim, workload.routes(), factory.shapes(), streams, horizon, sink,
                factory::nextId);
        Conversations started = conversations;
        RequestSink withConversations = request -> sink.accept(started.started(request));
        this.handlerId = sim.register(this);
        if (workload.arrivals() instanceof ArrivalSpec.ClosedLoop loop) {
            this.arrivals = null;
            this.closedLoop = new ClosedLoopUsers(sim, loop, streams.stream("arrivals"), factory, withConversations,
                    horizon);
        } else {
            this.arrivals = ArrivalProcess.of(workload.arrivals(), streams, horizon);
            this.closedLoop = null;
            scheduleNext(0);
        }
    }

    @Override
    public void finished(Request request, boolean delivered, double time) {
        conversations.finished(request, delivered, time);
        if (closedLoop != null) {
            closedLoop.finished(request, delivered, time);
        }
    }

    private void scheduleNext(double after) {
        double t = arrivals.nextArrivalAfter(after);
        if (t < horizon) {
            long replayed = ((long) arrivals.lastTraceCopy() << 32) | (arrivals.lastTraceRow() & 0xFFFF_FFFFL);
            sim.schedule(t, ARRIVAL_PRIORITY, handlerId, replayed);
        }
    }

    @Override
    public void handle(long payload) {
        double now = sim.now();
        Request request = conversations.started(factory.next(now, (int) payload, (int) (payload >> 32)));
        sink.accept(request);
        scheduleNext(now);
    }
}
