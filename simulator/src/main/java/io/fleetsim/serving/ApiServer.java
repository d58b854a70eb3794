package io.fleetsim.serving;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.ApiLatency;
import io.fleetsim.spec.ApiSpec;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.Request;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hosted model API seen as one server of unbounded concurrency: every waiting request is sent at
 * once unless the rate limits refuse it. A call returns its first token after a sampled time to
 * first token and the rest at the API's output speed (both drawn together from measured calls when
 * the API has them); a share of calls fail. Refused and failed calls are tried again after an
 * exponential backoff, up to the attempt limit, then given up (counted by cause). Prefixes seen
 * before are billed as cached input.
 */
public final class ApiServer implements Server, EventHandler {

    private static final long PROMPT_CACHE_TOKENS = 100_000_000L;

    private final Simulator sim;
    private final int handlerId;
    private final int pool;
    private final ApiSpec api;
    private final RandomStream latency;
    private final RandomStream errors;
    private final WorkSource source;
    private final ServingListener listener;
    private final RateLimiter limiter;
    private final PrefixCache promptCache = new PrefixCache();
    private final BusyClock clock = new BusyClock();
    private final Map<Long, Call> calls = new HashMap<>();
    private final Map<Long, Integer> attempts = new HashMap<>();
    private long nextCall;
    private boolean admitting = true;

    private record Call(Request request, boolean retry, boolean fails, double startedAt, double firstTokenAt,
                        int cachedTokens, double tokensPerSecond) {
    }

    /** The API of pool {@code pool}. */
    public ApiServer(Simulator sim, int pool, ApiSpec api, RandomStream latency, RandomStream errors,
                     WorkSource source, ServingListener listener) {
        this.sim = sim;
        this.pool = pool;
        this.api = api;
        this.latency = latency;
        this.errors = errors;
        this.source = source;
        this.listener = listener;
        this.limiter = new RateLimiter(api.requestsPerMinute(), api.tokensPerMinute());
        this.handlerId = sim.register(this);
    }

    @Override
    public boolean accepts(Request request) {
        return true;
    }

    @Override
    public boolean isIdle() {
        return calls.isEmpty();
    }

    @Override
    public boolean hasRoomFor(Request request) {
        return admitting;
    }

    @Override
    public int inService() {
        return calls.size();
    }

    @Override
    public double busySeconds(double now) {
        return clock.busySeconds(now);
    }

    @Override
    public void wake() {
        double now = sim.now();
        while (admitting && source.peek() != null) {
            send(source.poll(), now);
        }
    }

    @Override
    public void drain(Runnable whenEmpty) {
        admitting = false;
        whenEmpty.run();
    }

    /** A call in flight cannot be called back; the client's cancellation only stops later retries. */
    @Override
    public boolean cancel(Request request) {
        return false;
    }

    @Override
    public List<Request> evict() {
        admitting = false;
        return List.of();
    }

    private void send(Request r, double now) {
        int attempt = attempts.merge(r.id(), 1, Integer::sum);
        if (!limiter.tryAcquire(now, r.totalTokens())) {
            retryOrGiveUp(r, attempt, RejectCause.RATE_LIMITED, 0);
            return;
        }
        ApiLatency.Sample latencyOfCall = drawLatency();
        boolean fails = errors.nextDouble() < api.errorRate();
        int cached = r.prefix().isEmpty() ? 0 : promptCache.lookup(r.prefix(), r.promptTokens() - 1);
        double first = now + latencyOfCall.ttftSeconds();
        double speed = latencyOfCall.outputTokensPerSecond();
        double end = fails ? first : first + Math.max(0, r.outputTokens() - 1) / speed;
        long id = nextCall++;
        calls.put(id, new Call(r, false, fails, now, first, cached, speed));
        source.loadChanged(this);
        clock.busyAt(now);
        sim.schedule(end, handlerId, id);
    }

    private void retryOrGiveUp(Request r, int attempt, RejectCause cause, long wasted) {
        if (attempt >= api.maxAttempts()) {
            attempts.remove(r.id());
            if (wasted > 0) {
                // The last failed call's prompt was processed for nothing too (failed_attempts).
                listener.retried(r, wasted);
            }
            listener.failed(r, cause, sim.now());
            return;
        }
        listener.retried(r, wasted);
        long id = nextCall++;
        calls.put(id, new Call(r, true, false, sim.now(), Double.NaN, 0, Double.NaN));
        source.loadChanged(this);
        clock.busyAt(sim.now());
        sim.schedule(sim.now() + api.backoffSeconds() * Math.pow(2, attempt - 1), handlerId, id);
    }

    @Override
    public void handle(long payload) {
        Call call = calls.remove(payload);
        source.loadChanged(this);
        double now = sim.now();
        Request r = call.request();
        if (call.retry()) {
            send(r, now);
        } else if (call.fails()) {
            retryOrGiveUp(r, attempts.get(r.id()), RejectCause.API_ERROR, r.promptTokens());
        } else {
            attempts.remove(r.id());
            promptCache.insert(r.prefix());
            promptCache.shrinkTo(PROMPT_CACHE_TOKENS);
            listener.apiUsage(r, pool, r.promptTokens() - call.cachedTokens(), call.cachedTokens(), r.outputTokens());
            listener.prefixLookup(r, call.cachedTokens());
            listener.firstToken(r, call.firstTokenAt());
            if (r.outputTokens() > 1) {
                listener.tokenGaps(1 / call.tokensPerSecond(), r.outputTokens() - 1L);
            }
            listener.completed(r, pool, call.startedAt(), call.firstTokenAt(), now);
        }
        if (calls.isEmpty()) {
            clock.idleAt(now);
        }
    }

    /** One call's TTFT and speed: a measured call drawn uniformly (the pair together), or the model's. */
    private ApiLatency.Sample drawLatency() {
        if (api.latency() instanceof ApiLatency.Measured measured) {
            return measured.calls().get(latency.nextInt(measured.calls().size()));
        }
        ApiLatency.Modelled modelled = (ApiLatency.Modelled) api.latency();
        return new ApiLatency.Sample(sample(modelled.ttft()), modelled.outputTokensPerSecond());
    }

    private double sample(DurationSpec d) {
        return d instanceof DurationSpec.Exponential e ? latency.nextExponential(e.meanSeconds()) : d.meanSeconds();
    }
}
