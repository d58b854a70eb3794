package io.fleetsim.fleet;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.random.RandomStream;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.serving.Server;
import io.fleetsim.spec.ClassSplit;
import io.fleetsim.spec.ClientSpec;
import io.fleetsim.spec.DisconnectSpec;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.spec.QualitySpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.workload.LengthSampler;
import io.fleetsim.workload.OutcomeListener;
import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.RequestSink;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clients' side of each request: an impatient client cancels a request that has not produced
 * its first token within its patience (wherever it is: in a pool's queue or being prefilled), and
 * a client with retries sends a cancelled or rejected request again after a backoff. Stands
 * between the servers and the metrics, so it sees every admission, first token and outcome; only
 * requests of routes with patience are followed, so memory stays with the requests in flight.
 * It also judges each delivered answer on quality (the route's acceptance rate for the pool that
 * answered) and asks again or escalates a rejected one, and plays clients who leave mid-stream:
 * their request is served only as far as the client listens when the pool aborts on disconnect,
 * to the end otherwise.
 */
final class ClientTracker extends MeasuringListener implements EventHandler {

    private final Simulator sim;
    private final int handlerId;
    private final List<RouteSpec> routes;
    private final RandomStream[] patience;
    private final RandomStream[] judge;
    private final RandomStream[] leaves;
    private final LengthSampler[] listened;
    /** Per route: whether its quality judge can reject an answer ({@link QualitySpec#judges()}, asked once). */
    private final boolean[] judges;
    /** Per route, read from its spec once (every request asks): the class split, or null. */
    private final ClassSplit[] splits;
    /** Per route: its clients' disconnects, or null. */
    private final DisconnectSpec[] disconnectSpecs;
    /** Per route: its clients' patience, or null. */
    private final DurationSpec[] patienceSpecs;
    /** Per route: its quality spec. */
    private final QualitySpec[] qualities;
    /** Clients that will leave mid-stream, by request id: {output tokens received, answer length}. */
    private final Map<Long, int[]> disconnects = new HashMap<>();
    /** Answers asked for so far, by request id, of requests with a rejected answer. */
    private final Map<Long, Integer> asks = new HashMap<>();
    /** Requests drawn easy by their route's {@code split.easy_share}, by id. */
    private final java.util.Set<Long> easy = new java.util.HashSet<>();
    private final RandomStream[] classes;
    /** The pool a rejected answer is escalated to, by request id. */
    private final Map<Long, Integer> escalated = new HashMap<>();
    private final Map<Request, Waiting> waiting = new IdentityHashMap<>();
    private final Map<Long, Pending> pending = new HashMap<>();
    private RequestSink router;
    private OutcomeListener outcomes = OutcomeListener.NONE;
    private long nextEvent;

    /** Where a request waiting for its first token is. */
    private static final class Waiting {
        final Pool pool;
        Server server;

        Waiting(Pool pool) {
            this.pool = pool;
        }
    }

    /** A scheduled deadline (of one routing of the request) or retry. */
    private record Pending(Request request, boolean retry, Waiting routing) {
    }

    ClientTracker(Simulator sim, MetricsCollector metrics, List<RouteSpec> routes, RandomStreams streams) {
        super(metrics);
        this.sim = sim;
        this.routes = routes;
        this.patience = new RandomStream[routes.size()];
        this.judge = new RandomStream[routes.size()];
        this.leaves = new RandomStream[routes.size()];
        this.listened = new LengthSampler[routes.size()];
        this.classes = new RandomStream[routes.size()];
        this.judges = new boolean[routes.size()];
        this.splits = new ClassSplit[routes.size()];
        this.disconnectSpecs = new DisconnectSpec[routes.size()];
        this.patienceSpecs = new DurationSpec[routes.size()];
        this.qualities = new QualitySpec[routes.size()];
        for (int i = 0; i < routes.size(); i++) {
            String name = "route/" + routes.get(i).name();
            patience[i] = streams.stream(name + "/patience");
            judge[i] = streams.stream(name + "/quality");
            leaves[i] = streams.stream(name + "/disconnect");
            classes[i] = streams.stream(name + "/class");
            judges[i] = routes.get(i).quality().judges();
            DisconnectSpec d = routes.get(i).clients().disconnect();
            splits[i] = routes.get(i).split();
            disconnectSpecs[i] = d;
            patienceSpecs[i] = routes.get(i).clients().patience();
            qualities[i] = routes.get(i).quality();
            listened[i] = d == null ? null : LengthSampler.of(d.receivedTokens(), streams.stream(name + "/listened"));
        }
        this.handlerId = sim.register(this);
    }

    void connect(RequestSink routerForRetries) {
        this.router = routerForRetries;
    }

    void onOutcome(OutcomeListener listener) {
        this.outcomes = listener;
    }

    /** A client sent {@code request} for the first time: decide whether it will leave mid-stream. */
    void arrived(Request request) {
        ClassSplit split = splits[request.route()];
        if (split != null && !split.byLength() && classes[request.route()].nextDouble() < split.easyShare()) {
            easy.add(request.id());
        }
        DisconnectSpec d = disconnectSpecs[request.route()];
        if (d == null || d.share() == 0 || leaves[request.route()].nextDouble() >= d.share()) {
            return;
        }
        int received = listened[request.route()].sample();
        if (received < request.outputTokens()) {
            disconnects.put(request.id(), new int[] {received, request.outputTokens()});
        }
    }

    /**
     * What {@code pool} will generate for {@code request}: a pool that aborts on disconnect stops
     * where its client leaves, so it is served as an answer of that many tokens.
     */
    Request asServedBy(Request request, Pool pool) {
        int[] d = disconnects.isEmpty() ? null : disconnects.get(request.id());
        if (d == null) {
            return request;
        }
        int output = pool.spec().abortOnDisconnect() ? d[0] : d[1];
        return output == request.outputTokens() ? request : new Request(request.id(), request.route(),
                request.arrivalTime(), request.promptTokens(), output, request.prefix(), request.tenant(),
                request.attempt(), request.firstArrivalTime());
    }

    /**
     * The one pool {@code request} must go to, or -1 to route it as usual: the pool a rejected answer
     * was escalated to, else the easy-request pool of its route's split.
     */
    int pinnedPool(Request request) {
        Integer up = escalated.isEmpty() ? null : escalated.get(request.id());
        if (up != null) {
            return up;
        }
        ClassSplit split = splits[request.route()];
        if (split == null) {
            return -1;
        }
        boolean isEasy = split.byLength() ? request.promptTokens() < split.promptTokensBelow()
                : easy.contains(request.id());
        return isEasy ? split.pool() : -1;
    }

    /** The router queued {@code request} in {@code pool}: start its client's patience clock. */
    void routed(Request request, Pool pool) {
        DurationSpec p = patienceSpecs[request.route()];
        if (p == null) {
            return;
        }
        Waiting w = new Waiting(pool);
        waiting.put(request, w);
        double wait = p instanceof DurationSpec.Exponential e ? patience[request.route()].nextExponential(e.meanSeconds())
                : p.meanSeconds();
        schedule(sim.now() + wait, new Pending(request, false, w));
    }

    /** No pool took {@code request}: retry it if its client still may, else count the rejection. */
    void rejected(Request request, RejectCause cause) {
        if (cause != RejectCause.TOO_LONG && retryIfAllowed(request)) {
            return;
        }
        forget(request);
        metrics.rejected(request, cause, sim.now());
        outcomes.finished(request, false, sim.now());
    }

    /** Drops what was kept about {@code request}; the maps are empty unless their feature is in use, so look only then. */
    private void forget(Request request) {
        if (!disconnects.isEmpty()) {
            disconnects.remove(request.id());
        }
        if (!easy.isEmpty()) {
            easy.remove(request.id());
        }
        if (!asks.isEmpty()) {
            asks.remove(request.id());
        }
        if (!escalated.isEmpty()) {
            escalated.remove(request.id());
        }
    }

    /** {@code request} no longer waits for its first token (only routes with patience have waiters). */
    private void forgetWaiting(Request request) {
        if (!waiting.isEmpty()) {
            waiting.remove(request);
        }
    }

    @Override
    public void handle(long payload) {
        Pending p = pending.remove(payload);
        if (p.retry()) {
            router.accept(p.request().retryAt(sim.now()));
            return;
        }
        Waiting w = waiting.get(p.request());
        if (w == null || w != p.routing()) {
            // Answered already, or re-routed after a spot interruption (a later deadline applies).
            return;
        }
        waiting.remove(p.request());
        boolean cancelled;
        if (w.server == null) {
            w.pool.cancelQueued(p.request());
            cancelledWork(p.request(), 0);
            cancelled = true;
        } else {
            cancelled = w.server.cancel(p.request());
        }
        if (cancelled && !retryIfAllowed(p.request())) {
            forget(p.request());
            metrics.cancelled(p.request(), sim.now());
            outcomes.finished(p.request(), false, sim.now());
        }
    }

    private boolean retryIfAllowed(Request request) {
        ClientSpec c = routes.get(request.route()).clients();
        if (request.attempt() >= c.maxAttempts()) {
            return false;
        }
        schedule(sim.now() + c.backoffSeconds() * Math.pow(2, request.attempt() - 1), new Pending(request, true, null));
        return true;
    }

    private void schedule(double time, Pending p) {
        long id = nextEvent++;
        pending.put(id, p);
        sim.schedule(time, handlerId, id);
    }

    @Override
    public void admitted(Request request, Server server) {
        Waiting w = waiting.isEmpty() ? null : waiting.get(request);
        if (w != null) {
            w.server = server;
        }
    }

    @Override
    public void firstToken(Request request, double time) {
        forgetWaiting(request);
    }

    @Override
    public void cancelledWork(Request request, long processedTokens) {
        boolean last = request.attempt() >= routes.get(request.route()).clients().maxAttempts();
        metrics.cancelledWork(request, processedTokens, last);
    }

    @Override
    public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt) {
        completed(request, pool, admittedAt, firstTokenAt, completedAt, 0);
    }

    @Override
    public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt,
                          int inServiceAtAdmission) {
        forgetWaiting(request);
        int[] leaving = disconnects.isEmpty() ? null : disconnects.get(request.id());
        if (leaving != null) {
            forget(request);
            metrics.disconnected(request, pool, leaving[0], request.outputTokens(), completedAt);
            outcomes.finished(request, false, completedAt);
            return;
        }
        QualitySpec quality = qualities[request.route()];
        boolean accepted = !judges[request.route()] || judge[request.route()].nextDouble() < quality.acceptance(pool);
        if (!accepted && askAgain(request, quality, pool)) {
            metrics.reasked(request, pool);
            router.accept(request.retryAt(completedAt));
            return;
        }
        forget(request);
        metrics.completed(request, pool, admittedAt, firstTokenAt, completedAt, accepted, inServiceAtAdmission);
        outcomes.finished(request, true, completedAt);
    }

    /** Whether the client asks again after {@code pool} gave a rejected answer (and where, for a cascade). */
    private boolean askAgain(Request request, QualitySpec quality, int pool) {
        switch (quality.onReject()) {
            case REASK -> {
                int asked = asks.getOrDefault(request.id(), 1);
                if (asked >= quality.maxAsks()) {
                    return false;
                }
                asks.put(request.id(), asked + 1);
                return true;
            }
            case ESCALATE -> {
                if (pool == quality.escalateTo()) {
                    return false;
                }
                escalated.put(request.id(), quality.escalateTo());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void failed(Request request, RejectCause cause, double time) {
        forgetWaiting(request);
        rejected(request, cause);
    }

    @Override
    public void lostToInterruption(Request request, long lostTokens) {
        forgetWaiting(request);
        super.lostToInterruption(request, lostTokens);
    }
}
