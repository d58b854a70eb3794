package io.fleetsim.fleet;

import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RejectCause;
import io.fleetsim.scenario.PoolSpec;
import io.fleetsim.serving.Server;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.workload.Request;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A pool of identical replicas behind one first-come-first-served queue. A request that arrives
 * goes to the back of the queue; an idle replica is woken at once, otherwise the least loaded
 * replica, if it has room, is asked to take it at its next iteration boundary (if it has none,
 * the request waits until some replica frees room). Replicas pull from the
 * head of the queue whenever they have room, so waiting requests are served in arrival order.
 */
public final class Pool implements WorkSource {

    private final PoolSpec spec;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final MetricsCollector metrics;
    private List<Server> servers = List.of();

    /** An empty pool; {@link #attach} gives it its replicas. */
    public Pool(PoolSpec spec, MetricsCollector metrics) {
        this.spec = spec;
        this.metrics = metrics;
    }

    /** Gives the pool its replicas (they need the pool as their work source, hence two steps). */
    void attach(List<Server> replicas) {
        this.servers = List.copyOf(replicas);
    }

    /** The pool's spec. */
    public PoolSpec spec() {
        return spec;
    }

    /** Takes an arriving request: rejects it if no replica could ever serve it, else queues it. */
    public void submit(Request request, double now) {
        if (servers.isEmpty()) {
            metrics.rejected(request, RejectCause.NO_CAPACITY, now);
            return;
        }
        if (!servers.get(0).accepts(request)) {
            metrics.rejected(request, RejectCause.TOO_LONG, now);
            return;
        }
        queue.add(request);
        Server chosen = null;
        for (Server s : servers) {
            if (s.isIdle()) {
                s.wake();
                return;
            }
            if (chosen == null || s.inService() < chosen.inService()) {
                chosen = s;
            }
        }
        if (chosen.hasRoomFor(request)) {
            chosen.wake();
        }
    }

    @Override
    public Request peek() {
        return queue.peek();
    }

    @Override
    public Request poll() {
        return queue.poll();
    }

    /** Requests waiting in the queue. */
    public int queued() {
        return queue.size();
    }

    /** Replicas in the pool. */
    public int replicas() {
        return servers.size();
    }

    /** Replicas with at least one request in service. */
    public int busyReplicas() {
        int busy = 0;
        for (Server s : servers) {
            if (!s.isIdle()) {
                busy++;
            }
        }
        return busy;
    }

    /** Requests in service across the pool's replicas. */
    public int inService() {
        int n = 0;
        for (Server s : servers) {
            n += s.inService();
        }
        return n;
    }

    /** Mean share of replica time spent with at least one request in service, over {@code [0, now]}. */
    public double utilization(double now) {
        if (servers.isEmpty() || now <= 0) {
            return 0;
        }
        double busy = 0;
        for (Server s : servers) {
            busy += s.busySeconds(now);
        }
        return busy / (servers.size() * now);
    }
}
