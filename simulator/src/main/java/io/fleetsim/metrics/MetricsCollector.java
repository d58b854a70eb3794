package io.fleetsim.metrics;

import io.fleetsim.spec.RouteSpec;
import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.WasteCause;
import java.util.List;

/**
 * Listens to the whole run and keeps streaming statistics only: counters, histograms and time
 * averages per route and per pool. Memory does not grow with the number of requests.
 */
public final class MetricsCollector {

    private final RouteStats[] routes;
    private final long[][] tokensServed;
    private final long[] usefulServed;
    private final long[] usefulOutputServed;
    private final TokenHistogram[] disconnectedReceived;
    private final TimeWeightedCount inSystem = new TimeWeightedCount();
    private final LatencyRecorder interTokenGaps = new LatencyRecorder();
    private final long[] routedTo;
    private final long[] overflowTo;
    private final long[][] apiTokens;
    private final double[][] computeSeconds;
    private final double[] requestLatency;
    private final double[] requestLatencyPerInFlight;
    private final LatencyRecorder[] kvTransfers;
    private final double[] kvTransferBytes;
    private final long[] preemptions;
    private long arrivedTotal;
    private long arrivedPromptTokens;
    private long arrivedOutputTokens;
    private long completedTotal;
    private long withinSloTotal;
    private long rejectedTotal;
    private long cancelledTotal;

    private static final int TENANT_FIELDS = 5;
    private final long[][] tenantStats;

    private RequestLog requestLog = RequestLog.NONE;
    /** The zone outage and deploy windows, null when the scenario has none (nothing to set apart). */
    private DisruptionWindows disruptions;

    /** A collector for these routes and {@code pools} pools, with one anonymous tenant. */
    public MetricsCollector(List<RouteSpec> routeSpecs, int pools) {
        this(routeSpecs, pools, 1);
    }

    /** A collector for these routes, {@code pools} pools and {@code tenants} tenants. */
    public MetricsCollector(List<RouteSpec> routeSpecs, int pools, int tenants) {
        tenantStats = new long[Math.max(1, tenants)][TENANT_FIELDS];
        routes = new RouteStats[routeSpecs.size()];
        for (int i = 0; i < routes.length; i++) {
            routes[i] = new RouteStats(routeSpecs.get(i).slo());
        }
        tokensServed = new long[pools][routes.length];
        usefulServed = new long[pools];
        usefulOutputServed = new long[pools];
        disconnectedReceived = new TokenHistogram[routes.length];
        for (int i = 0; i < routes.length; i++) {
            disconnectedReceived[i] = new TokenHistogram();
        }
        routedTo = new long[pools];
        overflowTo = new long[pools];
        apiTokens = new long[pools][3];
        computeSeconds = new double[pools][2];
        requestLatency = new double[pools];
        requestLatencyPerInFlight = new double[pools];
        kvTransfers = new LatencyRecorder[pools];
        for (int p = 0; p < pools; p++) {
            kvTransfers[p] = new LatencyRecorder();
        }
        kvTransferBytes = new double[pools];
        preemptions = new long[pools];
    }

    /**
     * Each pool's request latency: the time from a client sending a request to the engine having
     * it (HTTP, tokenisation, the front end), added to the TTFT and E2E of every request the pool
     * completes, and what it grows by per request in service at the replica when the replica took
     * the request, itself included ({@code perInFlightSeconds}: a front end streaming for all of
     * them answers a new one later). It is not simulated as a delay: an open loop delayed by a
     * constant drives the engine exactly as before, shifted, so only the client's clock differs;
     * the part that grows with the load shifts it likewise, without slowing the engine's arrivals.
     */
    public void requestLatencies(double[] seconds, double[] perInFlightSeconds) {
        System.arraycopy(seconds, 0, requestLatency, 0, requestLatency.length);
        System.arraycopy(perInFlightSeconds, 0, requestLatencyPerInFlight, 0, requestLatencyPerInFlight.length);
    }

    /** Where each request's outcome is also told (by default nowhere). */
    public void logRequestsTo(RequestLog log) {
        this.requestLog = log;
    }

    /** Starts judging requests by the disruption windows they arrive in (and returns the windows). */
    public DisruptionWindows trackDisruptions() {
        if (disruptions == null) {
            disruptions = new DisruptionWindows();
        }
        return disruptions;
    }

    /** The disruption windows, or null when none are tracked. */
    public DisruptionWindows disruptions() {
        return disruptions;
    }

    /** A client request arrived (its first attempt). */
    public void arrived(Request request) {
        arrivedTotal++;
        tenantStats[request.tenant()][0]++;
        arrivedPromptTokens += request.promptTokens();
        arrivedOutputTokens += request.outputTokens();
        routes[request.route()].recordArrival();
        inSystem.change(request.arrivalTime(), 1);
    }

    /** A request was turned away at {@code time}. */
    public void rejected(Request request, RejectCause cause, double time) {
        rejectedTotal++;
        routes[request.route()].recordRejection(cause);
        inSystem.change(time, -1);
        if (disruptions != null) {
            disruptions.rejected(request.firstArrivalTime());
        }
        requestLog.rejected(request, cause, time);
    }

    /** A request's answer was delivered and accepted (see the overload with {@code accepted}). */
    public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt) {
        completed(request, pool, admittedAt, firstTokenAt, completedAt, true);
    }

    /**
     * A request's last answer was delivered; {@code accepted} is whether the product accepted it on
     * quality (an answer within its SLO but rejected is waste {@code rejected_quality}).
     */
    public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt,
                          boolean accepted) {
        completed(request, pool, admittedAt, firstTokenAt, completedAt, accepted, 0);
    }

    /**
     * As {@link #completed(Request, int, double, double, double, boolean)}, with the requests in
     * service at the replica when it took this one ({@code inServiceAtAdmission}, itself included),
     * on which its request latency grows ({@link #requestLatencies}).
     */
    public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt,
                          boolean accepted, int inServiceAtAdmission) {
        double front = requestLatency[pool] + requestLatencyPerInFlight[pool] * inServiceAtAdmission;
        double ttft = firstTokenAt - request.firstArrivalTime() + front;
        double tpot = tpot(request, firstTokenAt, completedAt);
        double e2e = completedAt - request.firstArrivalTime() + front;
        RouteStats route = routes[request.route()];
        boolean inSlo = route.withinSlo(ttft, tpot);
        long useful = route.recordCompletion(request.promptTokens(), request.outputTokens(),
                admittedAt - request.arrivalTime(), ttft, tpot, e2e, accepted);
        usefulServed[pool] += useful;
        usefulOutputServed[pool] += useful > 0 ? request.outputTokens() : 0;
        completedTotal++;
        long[] tenant = tenantStats[request.tenant()];
        tenant[1]++;
        tenant[2] += inSlo ? 1 : 0;
        tenant[3] += useful;
        tenant[4] += request.totalTokens();
        if (inSlo) {
            withinSloTotal++;
        }
        if (disruptions != null) {
            disruptions.completed(request.firstArrivalTime(), inSlo, ttft);
        }
        tokensServed[pool][request.route()] += request.totalTokens();
        inSystem.change(completedAt, -1);
        requestLog.completed(request, pool, ttft, tpot, e2e, useful > 0);
    }

    private static double tpot(Request request, double firstTokenAt, double completedAt) {
        return request.outputTokens() > 1 ? (completedAt - firstTokenAt) / (request.outputTokens() - 1) : 0;
    }

    /**
     * An answer of {@code pool} the product rejected, which the client asks again (or escalates):
     * its tokens are waste {@code rejected_quality}, and the pool is paid for them.
     */
    public void reasked(Request request, int pool) {
        routes[request.route()].recordReasked(request.totalTokens());
        tokensServed[pool][request.route()] += request.totalTokens();
        tenantStats[request.tenant()][4] += request.totalTokens();
    }

    /**
     * The client of {@code request} left mid-stream after {@code receivedTokens} output tokens; the
     * server of {@code pool} generated {@code generatedTokens} in all (more than received when it does
     * not abort). What the client received is waste {@code cancelled}; the rest {@code after_disconnect}.
     */
    public void disconnected(Request request, int pool, int receivedTokens, int generatedTokens, double time) {
        long delivered = (long) request.promptTokens() + receivedTokens;
        routes[request.route()].recordDisconnect(delivered, generatedTokens - receivedTokens);
        long processed = (long) request.promptTokens() + generatedTokens;
        tokensServed[pool][request.route()] += processed;
        tenantStats[request.tenant()][4] += processed;
        disconnectedReceived[request.route()].record(receivedTokens);
        cancelledTotal++;
        inSystem.change(time, -1);
        if (disruptions != null) {
            disruptions.cancelled(request.firstArrivalTime());
        }
        requestLog.cancelled(request, time);
    }

    /** Distribution of the output tokens clients of route {@code route} received before leaving mid-stream. */
    public TokenHistogram.Summary receivedBeforeDisconnect(int route) {
        return disconnectedReceived[route].summary();
    }

    /** The router sent a request to {@code pool}; {@code overflow} when it was not the route's first choice. */
    public void routed(Request request, int pool, boolean overflow) {
        routedTo[pool]++;
        if (overflow) {
            overflowTo[pool]++;
        }
    }

    /** A client gave up on {@code request} for good at {@code time}. */
    public void cancelled(Request request, double time) {
        cancelledTotal++;
        routes[request.route()].recordCancellation();
        inSystem.change(time, -1);
        if (disruptions != null) {
            disruptions.cancelled(request.firstArrivalTime());
        }
        requestLog.cancelled(request, time);
    }

    /** Work done for a cancelled attempt: wasted as cancelled if it was the last, else as a failed attempt. */
    public void cancelledWork(Request request, long processedTokens, boolean lastAttempt) {
        routes[request.route()].recordWaste(lastAttempt ? WasteCause.CANCELLED : WasteCause.FAILED_ATTEMPTS,
                processedTokens);
    }

    /** {@code lostTokens} of a request's work were lost with its machine (waste {@code spot_lost}). */
    public void lostToInterruption(Request request, long lostTokens) {
        routes[request.route()].recordWaste(WasteCause.SPOT_LOST, lostTokens);
    }

    /** A hosted API pool billed these tokens for one call. */
    public void apiUsage(Request request, int pool, long inputTokens, long cachedInputTokens, long outputTokens) {
        apiTokens[pool][0] += inputTokens;
        apiTokens[pool][1] += cachedInputTokens;
        apiTokens[pool][2] += outputTokens;
    }

    /** A replica of {@code pool} spent this long on prompts and on generating tokens. */
    public void computeTime(int pool, double prefillSeconds, double decodeSeconds) {
        computeSeconds[pool][0] += prefillSeconds;
        computeSeconds[pool][1] += decodeSeconds;
    }

    /** A drafter proposed {@code proposed} tokens of which {@code accepted} were kept. */
    public void speculated(Request request, long proposed, long accepted) {
        routes[request.route()].recordDrafts(proposed, accepted);
    }

    /** A prompt's KV cache of {@code bytes} reached the decode side {@code seconds} after its prefill. */
    public void kvTransferred(int pool, Request request, double seconds, double bytes) {
        kvTransfers[pool].record(seconds);
        kvTransferBytes[pool] += bytes;
    }

    /** KV transfers to the decode side of {@code pool}'s deployments: their times from prefill end to arrival. */
    public LatencySummary kvTransferTimes(int pool) {
        return kvTransfers[pool].summary();
    }

    /** KV transfers completed in {@code pool}. */
    public long kvTransfers(int pool) {
        return kvTransfers[pool].count();
    }

    /** Bytes of KV cache moved to the decode side in {@code pool}. */
    public double kvTransferBytes(int pool) {
        return kvTransferBytes[pool];
    }

    /** Share of a pool's compute time spent on prompts (NaN when it computed nothing). */
    public double prefillShare(int pool) {
        double total = computeSeconds[pool][0] + computeSeconds[pool][1];
        return total == 0 ? Double.NaN : computeSeconds[pool][0] / total;
    }

    /** A failed call will be tried again; {@code wastedTokens} were processed for nothing. */
    public void retried(Request request, long wastedTokens) {
        routes[request.route()].recordWaste(WasteCause.FAILED_ATTEMPTS, wastedTokens);
    }

    /** Requests the router sent to {@code pool}, and of those, how many as overflow. */
    public long routedTo(int pool) {
        return routedTo[pool];
    }

    /** Requests the router sent to {@code pool} because the pools before it were saturated. */
    public long overflowTo(int pool) {
        return overflowTo[pool];
    }

    /** Tokens a hosted API pool billed: {input, cached input, output}. */
    public long[] apiTokens(int pool) {
        return apiTokens[pool].clone();
    }

    /** An admitted request found {@code cachedTokens} of its prompt in the prefix cache. */
    public void prefixLookup(Request request, int cachedTokens) {
        routes[request.route()].recordPrefixLookup(request.promptTokens(), cachedTokens);
    }

    /** A running request on a replica of {@code pool} lost its KV cache; {@code discardedTokens} are computed again. */
    public void preempted(Request request, int pool, long discardedTokens) {
        routes[request.route()].recordPreemption(discardedTokens);
        preemptions[pool]++;
    }

    /** Times a running request on one of {@code pool}'s replicas lost its KV cache. */
    public long preemptions(int pool) {
        return preemptions[pool];
    }

    /** {@code count} output tokens each came {@code seconds} after the previous one. */
    public void tokenGaps(double seconds, long count) {
        interTokenGaps.record(seconds, count);
    }

    /** Distribution over output tokens (after each request's first) of the gap before each token. */
    public LatencySummary interTokenLatency() {
        return interTokenGaps.summary();
    }

    /**
     * Counters of tenant {@code index}: arrived, completed, within SLO, useful tokens, and tokens
     * of its completed requests (what its share of the cost follows).
     */
    public TenantCounts tenant(int index) {
        long[] t = tenantStats[index];
        return new TenantCounts(t[0], t[1], t[2], t[3], t[4]);
    }

    /** Running totals over all routes, for periodic sampling. */
    public RunningTotals totals() {
        return new RunningTotals(arrivedTotal, completedTotal, withinSloTotal, rejectedTotal + cancelledTotal);
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

    /** Useful output tokens of the requests that pool {@code pool} completed. */
    public long usefulOutputServed(int pool) {
        return usefulOutputServed[pool];
    }

    /** Useful tokens of the requests that pool {@code pool} completed. */
    public long usefulServed(int pool) {
        return usefulServed[pool];
    }

    /**
     * Prompt and output tokens of every request arrived so far, served or not: the traffic itself,
     * the same for every fleet run on the same workload and seed.
     */
    public long[] arrivedTokens() {
        return new long[] {arrivedPromptTokens, arrivedOutputTokens};
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
