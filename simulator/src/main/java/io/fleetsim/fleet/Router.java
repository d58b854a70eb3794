package io.fleetsim.fleet;

import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.RequestSink;
import java.util.List;

/**
 * Sends each request to a pool: its route's pools are tried in order (reserved first, then
 * on-demand, spot, API — as the scenario lists them), moving on while a pool is saturated
 * (queue depth, requests in flight per replica, predicted queueing delay or predicted gap between
 * output tokens over the route's spill threshold; or no replica serving) or full (admission
 * control). The last pool that could serve it takes it unless full; a request no pool can take is
 * shed and counted.
 */
public final class Router implements RequestSink {

    private final List<Pool> pools;
    private final List<RouteSpec> routes;
    private final MetricsCollector metrics;
    private final ClientTracker clients;

    Router(List<Pool> pools, List<RouteSpec> routes, MetricsCollector metrics, ClientTracker clients) {
        this.clients = clients;
        this.pools = pools;
        this.routes = routes;
        this.metrics = metrics;
    }

    @Override
    public void accept(Request request) {
        int pinned = clients.pinnedPool(request);
        if (pinned >= 0) {
            sendPinned(request, pools.get(pinned));
            return;
        }
        RouteSpec route = routes.get(request.route());
        List<Integer> order = route.routing().pools();
        Pool fallback = null;
        boolean fits = false;
        boolean servable = false;
        boolean shedByScenario = false;
        for (int k = 0; k < order.size(); k++) {
            Pool pool = pools.get(order.get(k));
            if (!pool.accepts(request)) {
                continue;
            }
            fits = true;
            if (!pool.canEverServe()) {
                continue;
            }
            servable = true;
            if (pool.isFull()) {
                shedByScenario |= !pool.hasDefaultQueueLimit();
                continue;
            }
            fallback = pool;
            if (!saturated(pool, route)) {
                send(request, pool, k > 0);
                return;
            }
        }
        if (fallback != null) {
            send(request, fallback, fallback.index() != order.get(0));
            return;
        }
        clients.rejected(request, !fits ? RejectCause.TOO_LONG : !servable ? RejectCause.NO_CAPACITY
                : shedByScenario ? RejectCause.SHED : RejectCause.QUEUE_FULL);
    }

    /** An easy request goes to its smaller model's pool, a cascade's rejected answer to the larger one: that pool only. */
    private void sendPinned(Request request, Pool pool) {
        if (!pool.accepts(request)) {
            clients.rejected(request, RejectCause.TOO_LONG);
        } else if (!pool.canEverServe()) {
            clients.rejected(request, RejectCause.NO_CAPACITY);
        } else if (pool.isFull()) {
            clients.rejected(request, pool.hasDefaultQueueLimit() ? RejectCause.QUEUE_FULL : RejectCause.SHED);
        } else {
            send(request, pool, false);
        }
    }

    private void send(Request request, Pool pool, boolean overflow) {
        Request served = clients.asServedBy(request, pool);
        metrics.routed(served, pool.index(), overflow);
        clients.routed(served, pool);
        pool.submit(served);
    }

    private static boolean saturated(Pool pool, RouteSpec route) {
        RouteSpec.Routing r = route.routing();
        if (r.pools().size() == 1) {
            return false;
        }
        int serving = pool.replicas();
        if (serving == 0 && !(pool.spec().server() instanceof ServerSpec.Api)) {
            // Nothing can serve it now (after a spot notice, before a cold start): move on.
            return true;
        }
        if (pool.queued() >= r.spillQueueDepth() || pool.predictedWaitSeconds() > r.spillWaitSeconds()) {
            return true;
        }
        if (r.spillTokenGapSeconds() != Double.POSITIVE_INFINITY
                && pool.predictedTokenGapSeconds() > r.spillTokenGapSeconds()) {
            return true;
        }
        return r.spillInFlight() != Double.POSITIVE_INFINITY
                && (serving == 0 || (double) (pool.queued() + pool.inService()) / serving >= r.spillInFlight());
    }
}
