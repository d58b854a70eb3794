package io.fleetsim.metrics;

import io.fleetsim.spec.SloSpec;
import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.WasteCause;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streaming counters and latency histograms of one route. This is where a completed request is
 * judged against its SLO and its tokens are split into useful and wasted (see
 * {@link #recordCompletion}).
 */
public final class RouteStats {

    private final SloSpec slo;
    private long arrived;
    private long completed;
    private long withinSlo;
    private long cancelled;
    private final EnumMap<RejectCause, Long> rejected = new EnumMap<>(RejectCause.class);
    private long inputTokens;
    private long outputTokens;
    private long usefulTokens;
    private long usefulOutputTokens;
    private long reaskedTokens;
    private long rejectedAnswers;
    private long disconnected;
    private long promptTokensLookedUp;
    private long cachedInputTokens;
    private long draftProposed;
    private long draftAccepted;
    private long preemptions;
    private final EnumMap<WasteCause, Long> wastedTokens = new EnumMap<>(WasteCause.class);
    private final LatencyRecorder ttft = new LatencyRecorder();
    private final LatencyRecorder tpot = new LatencyRecorder();
    private final LatencyRecorder e2e = new LatencyRecorder();
    private final LatencyRecorder queue = new LatencyRecorder();

    RouteStats(SloSpec slo) {
        this.slo = slo;
    }

    /**
     * Records a completed request. <b>Useful tokens</b> are the input and output tokens of a
     * request that completed with TTFT and TPOT both within its route's targets; the tokens of
     * any other completed request are wasted as {@link WasteCause#OUTSIDE_SLO}, or, when within
     * its SLO but rejected by the product, as {@link WasteCause#REJECTED_QUALITY}.
     *
     * @return the tokens the request contributed as useful (0 when outside its SLO or rejected)
     */
    long recordCompletion(int promptTokens, int outputTokens, double queueSeconds, double ttftSeconds,
                          double tpotSeconds, double e2eSeconds, boolean accepted) {
        completed++;
        inputTokens += promptTokens;
        this.outputTokens += outputTokens;
        queue.record(queueSeconds);
        ttft.record(ttftSeconds);
        if (outputTokens > 1) {
            tpot.record(tpotSeconds);
        }
        e2e.record(e2eSeconds);
        long tokens = (long) promptTokens + outputTokens;
        if (!withinSlo(ttftSeconds, tpotSeconds)) {
            wastedTokens.merge(WasteCause.OUTSIDE_SLO, tokens, Long::sum);
            return 0;
        }
        withinSlo++;
        if (!accepted) {
            rejectedAnswers++;
            wastedTokens.merge(WasteCause.REJECTED_QUALITY, tokens, Long::sum);
            return 0;
        }
        usefulTokens += tokens;
        usefulOutputTokens += outputTokens;
        return tokens;
    }

    /** Whether these latencies meet the route's TTFT and TPOT targets. */
    boolean withinSlo(double ttftSeconds, double tpotSeconds) {
        return ttftSeconds <= slo.ttftSeconds() && tpotSeconds <= slo.tpotSeconds();
    }

    /** A rejected answer the client asked again (or escalated): all its tokens are waste. */
    void recordReasked(long tokens) {
        rejectedAnswers++;
        reaskedTokens += tokens;
        wastedTokens.merge(WasteCause.REJECTED_QUALITY, tokens, Long::sum);
    }

    /** A client left after {@code received} output tokens; the rest, if generated, was confetti. */
    void recordDisconnect(long deliveredTokens, long afterDisconnectTokens) {
        disconnected++;
        cancelled++;
        wastedTokens.merge(WasteCause.CANCELLED, deliveredTokens, Long::sum);
        wastedTokens.merge(WasteCause.AFTER_DISCONNECT, afterDisconnectTokens, Long::sum);
    }

    /** Answers the product rejected on quality (kept or asked again). */
    public long rejectedAnswers() {
        return rejectedAnswers;
    }

    /** Requests whose client left mid-stream (counted among the cancelled). */
    public long disconnected() {
        return disconnected;
    }

    void recordPrefixLookup(int promptTokens, int cachedTokens) {
        promptTokensLookedUp += promptTokens;
        cachedInputTokens += cachedTokens;
    }

    void recordPreemption(long discardedTokens) {
        preemptions++;
        recordWaste(WasteCause.PREEMPTED_RECOMPUTE, discardedTokens);
    }

    void recordDrafts(long proposed, long accepted) {
        draftProposed += proposed;
        draftAccepted += accepted;
        recordWaste(WasteCause.REJECTED_DRAFT, proposed - accepted);
    }

    void recordWaste(WasteCause cause, long tokens) {
        wastedTokens.merge(cause, tokens, Long::sum);
    }

    /**
     * Whether the route meets its SLO at its percentile: that percentile of TTFT and of TPOT
     * within the targets (vacuously true with no completed request).
     */
    public RouteSloCheck sloCheck() {
        double ttftMs = ttft.percentileMs(slo.percentile());
        double tpotMs = tpot.percentileMs(slo.percentile());
        boolean met = ttftMs <= slo.ttftSeconds() * 1e3 && tpotMs <= slo.tpotSeconds() * 1e3;
        return new RouteSloCheck(slo.percentile(), ttftMs, tpotMs, met);
    }

    /** Share of admitted prompt tokens served from a prefix cache (NaN when nothing was admitted). */
    public double prefixCacheHitRate() {
        return promptTokensLookedUp == 0 ? Double.NaN : (double) cachedInputTokens / promptTokensLookedUp;
    }

    /** Times a request of this route lost its KV cache to a preemption. */
    public long preemptions() {
        return preemptions;
    }

    void recordCancellation() {
        cancelled++;
    }

    void recordArrival() {
        arrived++;
    }

    void recordRejection(RejectCause cause) {
        rejected.merge(cause, 1L, Long::sum);
    }

    private long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Request outcomes so far; whatever arrived and has no outcome is in flight. */
    public RequestCounts requestCounts() {
        Map<String, Long> byCause = new TreeMap<>();
        rejected.forEach((cause, n) -> byCause.put(cause.id(), n));
        long rejectedTotal = rejectedTotal();
        return new RequestCounts(arrived, completed, cancelled, rejectedTotal, withinSlo,
                arrived - completed - cancelled - rejectedTotal, byCause);
    }

    /** Token counts so far. */
    public TokenCounts tokenCounts() {
        Map<String, Long> wasted = new TreeMap<>();
        for (WasteCause cause : WasteCause.values()) {
            // Rejected drafts are listed for runs that speculate only, so other reports keep their causes.
            if (cause != WasteCause.REJECTED_DRAFT || draftProposed > 0) {
                wasted.put(cause.id(), wastedTokens.getOrDefault(cause, 0L));
            }
        }
        return new TokenCounts(inputTokens, outputTokens, usefulTokens, cachedInputTokens, wasted, usefulOutputTokens,
                reaskedTokens, draftProposed, draftAccepted);
    }

    /** Latency summaries so far. */
    public Latencies latencies() {
        return new Latencies(ttft.summary(), tpot.summary(), e2e.summary(), queue.summary());
    }

    /** Adds every count and observation of {@code other} (to build fleet-wide totals). */
    void add(RouteStats other) {
        arrived += other.arrived;
        completed += other.completed;
        withinSlo += other.withinSlo;
        cancelled += other.cancelled;
        other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
        inputTokens += other.inputTokens;
        outputTokens += other.outputTokens;
        usefulTokens += other.usefulTokens;
        usefulOutputTokens += other.usefulOutputTokens;
        reaskedTokens += other.reaskedTokens;
        rejectedAnswers += other.rejectedAnswers;
        disconnected += other.disconnected;
        promptTokensLookedUp += other.promptTokensLookedUp;
        cachedInputTokens += other.cachedInputTokens;
        draftProposed += other.draftProposed;
        draftAccepted += other.draftAccepted;
        preemptions += other.preemptions;
        other.wastedTokens.forEach((k, v) -> wastedTokens.merge(k, v, Long::sum));
        ttft.add(other.ttft);
        tpot.add(other.tpot);
        e2e.add(other.e2e);
        queue.add(other.queue);
    }
}
