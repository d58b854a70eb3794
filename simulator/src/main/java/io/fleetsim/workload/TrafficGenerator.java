package io.fleetsim.workload;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.RouteSpec;
import io.fleetsim.scenario.WorkloadSpec;
import java.util.List;

/**
 * Turns a {@link WorkloadSpec} into arriving {@link Request}s: one arrival event at a time, the
 * route drawn by share, the lengths drawn from the route's distributions. Each of these draws has
 * its own named stream, so a change to the fleet never changes the traffic.
 */
public final class TrafficGenerator implements EventHandler {

    /** Arrivals run before other events at the same instant, so a request is never missed by a step. */
    public static final int ARRIVAL_PRIORITY = 10;

    private final Simulator sim;
    private final int handlerId;
    private final ArrivalProcess arrivals;
    private final io.fleetsim.random.RandomStream routeMix;
    private final double[] cumulativeShare;
    private final LengthSampler[] prompts;
    private final LengthSampler[] outputs;
    private final double horizon;
    private final RequestSink sink;
    private long nextId;

    /** Builds the generator and schedules the first arrival. */
    public TrafficGenerator(Simulator sim, WorkloadSpec workload, RandomStreams streams, double horizon,
                            RequestSink sink) {
        this.sim = sim;
        this.horizon = horizon;
        this.sink = sink;
        this.arrivals = ArrivalProcess.of(workload.arrivals(), streams.stream("arrivals"));
        this.routeMix = streams.stream("route-mix");
        List<RouteSpec> routes = workload.routes();
        cumulativeShare = new double[routes.size()];
        prompts = new LengthSampler[routes.size()];
        outputs = new LengthSampler[routes.size()];
        double sum = 0;
        for (int i = 0; i < routes.size(); i++) {
            RouteSpec r = routes.get(i);
            sum += r.share();
            cumulativeShare[i] = sum;
            prompts[i] = LengthSampler.of(r.promptTokens(), streams.stream("route/" + r.name() + "/prompt"));
            outputs[i] = LengthSampler.of(r.outputTokens(), streams.stream("route/" + r.name() + "/output"));
        }
        cumulativeShare[routes.size() - 1] = Double.POSITIVE_INFINITY;
        this.handlerId = sim.register(this);
        scheduleNext(0);
    }

    private void scheduleNext(double after) {
        double t = arrivals.nextArrivalAfter(after);
        if (t < horizon) {
            sim.schedule(t, ARRIVAL_PRIORITY, handlerId, 0);
        }
    }

    @Override
    public void handle(long payload) {
        double now = sim.now();
        int route = pickRoute();
        sink.accept(new Request(nextId++, route, now, prompts[route].sample(), outputs[route].sample()));
        scheduleNext(now);
    }

    private int pickRoute() {
        if (cumulativeShare.length == 1) {
            return 0;
        }
        double u = routeMix.nextDouble();
        int i = 0;
        while (u >= cumulativeShare[i]) {
            i++;
        }
        return i;
    }
}
