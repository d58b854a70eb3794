package io.fleetsim.workload;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.DurationSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * A closed loop of users: each sends a request, waits for it to end (answered, cancelled or
 * rejected), thinks, and sends the next, so offered load falls when the fleet is slow. Users start
 * spread uniformly over the first mean think time.
 */
final class ClosedLoopUsers implements EventHandler, OutcomeListener {

    private final Simulator sim;
    private final int handlerId;
    private final DurationSpec thinkTime;
    private final RandomStream think;
    private final RequestFactory factory;
    private final RequestSink sink;
    private final double horizon;
    private final Map<Long, Integer> userOf = new HashMap<>();

    ClosedLoopUsers(Simulator sim, ArrivalSpec.ClosedLoop spec, RandomStream think, RequestFactory factory,
                    RequestSink sink, double horizon) {
        this.sim = sim;
        this.thinkTime = spec.thinkTime();
        this.think = think;
        this.factory = factory;
        this.sink = sink;
        this.horizon = horizon;
        this.handlerId = sim.register(this);
        for (int u = 0; u < spec.users(); u++) {
            schedule(u, think.nextDouble() * thinkTime.meanSeconds());
        }
    }

    @Override
    public void handle(long payload) {
        Request request = factory.next(sim.now(), 0, 0);
        userOf.put(request.id(), (int) payload);
        sink.accept(request);
    }

    @Override
    public void finished(Request request, boolean delivered, double time) {
        Integer user = userOf.remove(request.id());
        if (user != null) {
            double pause = thinkTime instanceof DurationSpec.Exponential e ? think.nextExponential(e.meanSeconds())
                    : thinkTime.meanSeconds();
            schedule(user, time + pause);
        }
    }

    private void schedule(int user, double time) {
        if (time < horizon) {
            sim.schedule(time, TrafficGenerator.ARRIVAL_PRIORITY, handlerId, user);
        }
    }
}
