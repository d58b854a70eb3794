package io.fleetsim.fleet;

import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.serving.ServingListener;
import io.fleetsim.workload.Request;

/**
 * The one place where what servers report reaches the metrics: every serving event that only
 * measures (prefix lookups, preemptions, lost work, API tokens, retries, compute time, drafts, KV
 * transfers, token gaps) is recorded as it is. Events the clients act on (admission, first token,
 * completion, cancellation, giving up) are left to the subclass that plays the clients.
 */
abstract class MeasuringListener implements ServingListener {

    /** Where the measurements go. */
    protected final MetricsCollector metrics;

    MeasuringListener(MetricsCollector metrics) {
        this.metrics = metrics;
    }

    @Override
    public void prefixLookup(Request request, int cachedTokens) {
        metrics.prefixLookup(request, cachedTokens);
    }

    @Override
    public void preempted(Request request, int pool, long discardedTokens) {
        metrics.preempted(request, pool, discardedTokens);
    }

    @Override
    public void lostToInterruption(Request request, long lostTokens) {
        metrics.lostToInterruption(request, lostTokens);
    }

    @Override
    public void apiUsage(Request request, int pool, long inputTokens, long cachedInputTokens, long outputTokens) {
        metrics.apiUsage(request, pool, inputTokens, cachedInputTokens, outputTokens);
    }

    @Override
    public void retried(Request request, long wastedTokens) {
        metrics.retried(request, wastedTokens);
    }

    @Override
    public void computeTime(int pool, double prefillSeconds, double decodeSeconds) {
        metrics.computeTime(pool, prefillSeconds, decodeSeconds);
    }

    @Override
    public void speculated(Request request, long proposed, long accepted) {
        metrics.speculated(request, proposed, accepted);
    }

    @Override
    public void kvTransferred(int pool, Request request, double seconds, double bytes) {
        metrics.kvTransferred(pool, request, seconds, bytes);
    }

    @Override
    public void tokenGaps(double seconds, long count) {
        metrics.tokenGaps(seconds, count);
    }
}
