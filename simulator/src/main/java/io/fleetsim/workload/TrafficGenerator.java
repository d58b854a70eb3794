package io.fleetsim.workload;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.ArrivalSpec;
import io.fleetsim.scenario.RequestShapeSpec;
import io.fleetsim.scenario.RouteSpec;
import io.fleetsim.scenario.TenantSpec;
import io.fleetsim.scenario.WorkloadSpec;
import io.fleetsim.workload.arrival.RecordedRequests;
import java.util.List;

/**
 * Turns a {@link WorkloadSpec} into arriving {@link Request}s: one arrival event at a time, the
 * route drawn by share, the lengths drawn from the route's distributions. Each of these draws has
 * its own named stream, so a change to the fleet never changes the traffic. When arrivals replay
 * a trace, routes without lengths of their own take each request's recorded lengths and prefix
 * blocks; the arrival event's payload carries the trace row and copy.
 */
public final class TrafficGenerator implements EventHandler, OutcomeListener {

    /** Arrivals run before other events at the same instant, so a request is never missed by a step. */
    public static final int ARRIVAL_PRIORITY = 10;

    private final Simulator sim;
    private final int handlerId;
    private final ArrivalProcess arrivals;
    private final WeightedChoice routeMix;
    private final RequestShapeSampler[] shapes;
    private final SharedPrefixes[] prefixes;
    private final WeightedChoice tenants;
    /** The replayed trace's requests, or null for synthetic arrivals. */
    private final RecordedRequests recorded;
    private final double horizon;
    private final RequestSink sink;
    private long nextId;
    private final Conversations conversations;

    /** Builds the generator and schedules the first arrival. */
    public TrafficGenerator(Simulator sim, WorkloadSpec workload, RandomStreams streams, double horizon,
                            RequestSink sink) {
        this.sim = sim;
        this.horizon = horizon;
        this.sink = sink;
        this.arrivals = ArrivalProcess.of(workload.arrivals(), streams, horizon);
        this.recorded = workload.arrivals() instanceof ArrivalSpec.TraceReplay replay
                ? new RecordedRequests(replay.trace()) : null;
        List<RouteSpec> routes = workload.routes();
        this.routeMix = new WeightedChoice(routes.stream().mapToDouble(RouteSpec::share).toArray(),
                streams.stream("route-mix"));
        shapes = new RequestShapeSampler[routes.size()];
        prefixes = new SharedPrefixes[routes.size()];
        tenants = new WeightedChoice(workload.tenants().stream().mapToDouble(TenantSpec::share).toArray(),
                streams.stream("tenant-mix"));
        for (int i = 0; i < routes.size(); i++) {
            RouteSpec r = routes.get(i);
            shapes[i] = r.lengths() instanceof RequestShapeSpec.Recorded ? null
                    : RequestShapeSampler.of(r.lengths(), r.name(), streams);
            prefixes[i] = new SharedPrefixes(r.clients(), i, streams.stream("route/" + r.name() + "/prefix"));
        }
        this.conversations = new Conversations(sim, routes, shapes, streams, horizon, sink, () -> nextId++);
        this.handlerId = sim.register(this);
        scheduleNext(0);
    }

    @Override
    public void finished(Request request, boolean delivered, double time) {
        conversations.finished(request, delivered, time);
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
        int route = routeMix.next();
        Request request;
        if (shapes[route] == null) {
            int row = (int) payload;
            RequestShape shape = recorded.shape(row);
            request = new Request(nextId++, route, now, shape.promptTokens(), shape.outputTokens(),
                    recorded.prefix(row, (int) (payload >> 32)), tenants.next());
        } else {
            RequestShape shape = shapes[route].sample();
            request = new Request(nextId++, route, now, shape.promptTokens(), shape.outputTokens(),
                    prefixes[route].draw(shape.promptTokens()), tenants.next());
        }
        conversations.started(request);
        sink.accept(request);
        scheduleNext(now);
    }
}
