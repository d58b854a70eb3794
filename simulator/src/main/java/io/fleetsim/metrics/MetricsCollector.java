package io.fleetsim.metrics;

import io.fleetsim.scenario.RouteSpec;
import io.fleetsim.serving.ServingListener;
import io.fleetsim.workload.Request;
import java.util.List;

/**
 * Listens to the whole run and keeps streaming statistics only: counters, histograms and time
 * averages per route and per pool. Memory does not grow with the number of requests.
 */
public final class MetricsCollector implements ServingListener {

    private final RouteStats[] routes;
    private final long[][] tokensServed;
    private final long[] usefulServed;
    private final TimeWeightedCount inSystem = new TimeWeightedCount();
    private final LatencyRecorder interTokenGaps = new LatencyRecorder();
    private long arrivedTotal;
    private long completedTotal;
    private long withinSloTotal;
    private long rejectedTotal;

    /** A collector for these routes and {@code pools} pools. */
    public MetricsCollector(List<RouteSpec> routeSpecs, int pools) {
        routes = new RouteStats[routeSpecs.size()];
        for (int i = 0; i < routes.length; i++) {
            routes[i] = new RouteStats(routeSpecs.get(i).slo());
        }
        tokensServed = new long[pools][routes.length];
        usefulServed = new long[pools];
    }

    /** A request arrived at {@code time}. */
    public void arrived(Request request) {
        arrivedTotal++;
        routes[request.route()].recordArrival();
        inSystem.change(request.arrivalTime(), 1);
    }

    /** A request was turned away at {@code time}. */
    public void rejected(Request request, RejectCause cause, double time) {
        rejectedTotal++;
        routes[request.route()].recordRejection(cause);
        inSystem.change(time, -1);
    }

    @Override
    public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt) {
        double ttft = firstTokenAt - request.arrivalTime();
        double tpot = request.outputTokens() > 1 ? (completedAt - firstTokenAt) / (request.outputTokens() - 1) : 0;
        long useful = routes[request.route()].recordCompletion(request.promptTokens(), request.outputTokens(),
                admittedAt - request.arrivalTime(), ttft, tpot, completedAt - request.arrivalTime());
        usefulServed[pool] += useful;
        completedTotal++;
        if (useful > 0) {
            withinSloTotal++;
        }
        tokensServed[pool][request.route()] += request.totalTokens();
        inSystem.change(completedAt, -1);
    }

    @Override
    public void prefixLookup(Request request, int cachedTokens) {
        routes[request.route()].recordPrefixLookup(request.promptTokens(), cachedTokens);
    }

    @Override
    public void preempted(Request request, long discardedTokens) {
        routes[request.route()].recordPreemption(discardedTokens);
    }

    @Override
    public void tokenGaps(double seconds, long count) {
        interTokenGaps.record(seconds, count);
    }

    /** Distribution over output tokens (after each request's first) of the gap before each token. */
    public LatencySummary interTokenLatency() {
        return interTokenGaps.summary();
    }

    /** Running totals over all routes, for periodic sampling. */
    public RunningTotals totals() {
        return new RunningTotals(arrivedTotal, completedTotal, withinSloTotal, rejectedTotal);
    }

    /** Statistics of route {@code index}. */
    public RouteStats route(int index) {
        return routes[index];
    }

    /** Statistics of all routes together. */
    public RouteStats fleetTotals() {
        RouteStats total = new RouteStats(null);
        for (RouteStats r : routes) {
            total.add(r);
        }
        return total;
    }

    /** Number of routes. */
    public int routeCount() {
        return routes.length;
    }

    /** Input plus output tokens of route {@code route}'s requests that pool {@code pool} completed. */
    public long tokensServed(int pool, int route) {
        return tokensServed[pool][route];
    }

    /** Useful tokens of the requests that pool {@code pool} completed. */
    public long usefulServed(int pool) {
        return usefulServed[pool];
    }

    /** Requests arrived and not yet finished. */
    public long inSystemNow() {
        return inSystem.level();
    }

    /** Time-average number of requests in the system over {@code [0, end]}. */
    public double meanInSystem(double end) {
        return inSystem.average(end);
    }
}
