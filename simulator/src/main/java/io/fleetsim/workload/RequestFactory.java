package io.fleetsim.workload;

import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.TenantSpec;
import io.fleetsim.spec.WorkloadSpec;
import io.fleetsim.workload.arrival.RecordedRequests;
import java.util.List;

/**
 * Makes the request of each arrival: its route by share, its lengths from the route's
 * distributions (or, for a route replaying a trace, the recorded ones), its shared system prompt
 * and its tenant, each drawn from its own named stream; and numbers requests in arrival order.
 */
final class RequestFactory {

    private final WeightedChoice routeMix;
    private final WeightedChoice tenants;
    private final RequestShapeSampler[] shapes;
    private final SharedPrefixes[] prefixes;
    /** The replayed trace's requests, or null for synthetic arrivals. */
    private final RecordedRequests recorded;
    private long nextId;

    RequestFactory(WorkloadSpec workload, RandomStreams streams) {
        List<RouteSpec> routes = workload.routes();
        this.routeMix = new WeightedChoice(routes.stream().mapToDouble(RouteSpec::share).toArray(),
                streams.stream("route-mix"));
        this.tenants = new WeightedChoice(workload.tenants().stream().mapToDouble(TenantSpec::share).toArray(),
                streams.stream("tenant-mix"));
        this.recorded = workload.arrivals() instanceof ArrivalSpec.TraceReplay replay
                ? new RecordedRequests(replay.trace()) : null;
        shapes = new RequestShapeSampler[routes.size()];
        prefixes = new SharedPrefixes[routes.size()];
        for (int i = 0; i < routes.size(); i++) {
            RouteSpec r = routes.get(i);
            shapes[i] = r.lengths() instanceof RequestShapeSpec.Recorded ? null
                    : RequestShapeSampler.of(r.lengths(), r.name(), streams);
            prefixes[i] = new SharedPrefixes(r.clients(), i, streams.stream("route/" + r.name() + "/prefix"));
        }
    }

    /**
     * The request arriving at {@code now}; {@code traceRow} and {@code traceCopy} say which recorded
     * request it replays (ignored for synthetic arrivals).
     */
    Request next(double now, int traceRow, int traceCopy) {
        int route = routeMix.next();
        if (shapes[route] == null) {
            RequestShape shape = recorded.shape(traceRow);
            return new Request(nextId++, route, now, shape.promptTokens(), shape.outputTokens(),
                    recorded.prefix(traceRow, traceCopy), tenants.next());
        }
        RequestShape shape = shapes[route].sample();
        return new Request(nextId++, route, now, shape.promptTokens(), shape.outputTokens(),
                prefixes[route].draw(shape.promptTokens()), tenants.next());
    }

    /** The lengths sampler of each route (null for routes replaying recorded lengths). */
    RequestShapeSampler[] shapes() {
        return shapes;
    }

    /** The next request number. */
    long nextId() {
        return nextId++;
    }
}
