package io.fleetsim.fleet;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.serving.ContextLimit;
import io.fleetsim.serving.DisaggregatedServer;
import io.fleetsim.serving.Server;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.spec.BalancingPolicy;
import io.fleetsim.spec.CapacitySpec;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.RequestSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A pool of identical replicas and their lives: cold starts, draining on scale-down, and spot
 * interruptions.
 *
 * <p>Dispatch ({@code balancing}): with the default central queue, a request goes to the back of
 * the pool's queue (by route priority, then arrival); an idle replica is woken at once, otherwise
 * the least loaded serving replica, if it has room, is asked to take it at its next iteration
 * boundary; replicas pull from the head of the queue whenever they have room. With the other
 * policies the request is assigned on arrival to one replica's own queue (round-robin, least
 * outstanding tokens, power of two choices, or the longest cached prefix).
 *
 * <p>For a spot pool, its {@link SpotMarket} decides when replicas are taken back; the pool then
 * drains them and, at the interruption, sends what they still served back to the router.
 */
public final class Pool implements WorkSource, EventHandler {

    private final Simulator sim;
    private final int handlerId;
    private final PoolSpec spec;
    /** The largest request a replica could serve, from the spec once (every request offered asks). */
    private final ContextLimit contextLimit;
    private final CapacitySpec capacity;
    private final BiFunction<Integer, WorkSource, Server> newServer;
    private final ReplicaChooser chooser;
    /** The provider's side of a spot pool, null for other pools. */
    private final SpotMarket spotMarket;
    private FailureModel failures;
    private final PriorityFifo queue;
    private final Set<Request> cancelledInQueue = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * {@link #cancelledInQueue}'s size, kept beside it: the set is read at every peek and is
     * almost always empty, and a plain field is cheaper to test than the set's wrapper and map.
     */
    private int cancelledCount;
    private final List<Replica> replicas = new ArrayList<>();
    private final List<Replica> live = new ArrayList<>();
    /** Live replicas in each state, counted as they change (a retired replica leaves the live ones). */
    private final int[] liveInState = new int[ReplicaState.values().length];
    /** The serving replicas in launch order, kept as they change state. */
    private final List<Replica> serving = new ArrayList<>();
    /** The serving replicas by the load the policy balances on; null for policies that need none. */
    private final LeastLoaded leastLoaded;
    /** Requests in the replicas' own queues, counted as they come and go. */
    private int locallyQueued;
    private final ArrayDeque<Replica> idle = new ArrayDeque<>();
    private final PoolLedger ledger;
    private final int index;
    private RequestSink router;
    private int peakActive;
    /** Replicas the pool may not replace now: lost in a zone outage or being replaced by a deploy. */
    private int heldOut;
    private final ThroughputEstimate throughput = new ThroughputEstimate();

    /**
     * A pool with its initial replicas serving at time 0.
     *
     * @param priorityOfRoute the priority of each route's requests in the shared queue
     * @param newServer       builds replica number {@code n}, pulling from the given work source
     */
    Pool(Simulator sim, int index, PoolSpec spec, RandomStream interruptionClock,
         RandomStream balancerDraws, int[] priorityOfRoute, BiFunction<Integer, WorkSource, Server> newServer) {
        this.queue = new PriorityFifo(priorityOfRoute);
        this.chooser = new ReplicaChooser(spec.balancing(), balancerDraws);
        this.leastLoaded = switch (spec.balancing()) {
            // An LLM replica's requests in service are few (at most max_num_seqs) and move by one.
            case CENTRAL_QUEUE -> spec.server() instanceof ServerSpec.Llm
                    ? new ReplicaBuckets(r -> r.server.inService()) : new ReplicaHeap(r -> r.server.inService());
            case LEAST_OUTSTANDING_TOKENS, PREFIX_AWARE -> new ReplicaHeap(ReplicaChooser::outstanding);
            default -> null;
        };
        this.sim = sim;
        this.index = index;
        this.spec = spec;
        this.contextLimit = contextLimitOf(spec.server());
        this.capacity = spec.capacity();
        this.newServer = newServer;
        this.ledger = new PoolLedger(capacity.billingSeconds());
        this.handlerId = sim.register(this);
        this.spotMarket = capacity.spot() == null ? null : new SpotMarket(sim, capacity.spot(), interruptionClock, this);
    }

    /** Starts the initial replicas (warm) and the replayed spot interruptions. */
    void start(RequestSink routerForLostWork) {
        this.router = routerForLostWork;
        for (int i = 0; i < spec.replicas(); i++) {
            Replica r = launch(0);
            becomeServing(r, 0);
        }
        if (failures != null) {
            failures.start();
        }
        if (spotMarket != null) {
            spotMarket.start();
        }
    }

    /** The pool's spec. */
    public PoolSpec spec() {
        return spec;
    }

    /** Position of this pool in the scenario. */
    public int index() {
        return index;
    }

    /** Replica-seconds by state and other counts, for the bill. */
    public PoolLedger ledger() {
        return ledger;
    }

    /** True when a replica of this pool could ever serve {@code request} (it fits the context). */
    public boolean accepts(Request request) {
        return contextLimit.fits(request);
    }

    private static ContextLimit contextLimitOf(ServerSpec server) {
        if (server instanceof ServerSpec.Disaggregated d) {
            return ContextLimit.of(d);
        }
        return server instanceof ServerSpec.Llm llm ? ContextLimit.of(llm) : ContextLimit.NONE;
    }

    /** False for a pool that has no replica and can never get one. */
    public boolean canEverServe() {
        return spec.replicas() > 0 || capacity.scaling() != null;
    }

    /** Whether the queue is at its admission limit. */
    public boolean isFull() {
        return queued() >= spec.maxQueue();
    }

    /** True when the queue limit is the default one, not one the scenario set ({@code max_queue}). */
    public boolean hasDefaultQueueLimit() {
        return spec.maxQueue() == PoolSpec.DEFAULT_MAX_QUEUE;
    }

    /**
     * Takes an accepted request into the queue and wakes a replica for it: an idle one if there is
     * one, else the least loaded serving replica if it has room (it takes the request at the end of
     * its iteration in progress).
     */
    public void submit(Request request) {
        if (spec.balancing() != BalancingPolicy.CENTRAL_QUEUE) {
            assign(request);
            return;
        }
        queue.add(request);
        while (!idle.isEmpty()) {
            Replica r = idle.pop();
            if (r.state == ReplicaState.SERVING && r.server.isIdle()) {
                r.server.wake();
                return;
            }
        }
        Replica chosen = leastLoaded.peek();
        if (chosen != null && chosen.server.hasRoomFor(request)) {
            chosen.server.wake();
        }
    }

    /** Puts {@code request} in the queue of the replica the pool's policy picks, and wakes it. */
    private void assign(Request request) {
        if (serving.isEmpty()) {
            queue.add(request);
            return;
        }
        Replica chosen = chooser.choose(serving, leastLoaded, request);
        chosen.local.add(request);
        if (chosen.server.isIdle() || chosen.server.hasRoomFor(request)) {
            chosen.server.wake();
        }
    }

    /** A replica took a request from its own queue. */
    void takenFromReplicaQueue() {
        throughput.taken(sim.now());
    }

    /** {@code change} requests joined (or, negative, left) replica {@code r}'s own queue. */
    void replicaQueueChanged(Replica r, int change) {
        locallyQueued += change;
        loadChanged(r);
    }

    /** Replica {@code r}'s requests in service, outstanding tokens or own queue have changed. */
    void loadChanged(Replica r) {
        if (leastLoaded != null) {
            leastLoaded.update(r);
        }
    }

    /** True (and forgotten) when {@code request} was cancelled while it waited. */
    boolean forgetIfCancelled(Request request) {
        if (cancelledCount == 0 || !cancelledInQueue.remove(request)) {
            return false;
        }
        cancelledCount--;
        return true;
    }

    /** Replica {@code r} has just run out of work. */
    void serverIdle(Replica r) {
        if (r.state != ReplicaState.GONE) {
            idle.push(r);
        }
    }

    @Override
    public Request peek() {
        dropCancelledHead();
        return queue.peek();
    }

    @Override
    public Request poll() {
        dropCancelledHead();
        Request r = queue.poll();
        if (r != null) {
            throughput.taken(sim.now());
        }
        return r;
    }

    /** Removes a waiting request its client gave up on (lazily: it is skipped when it reaches the head). */
    void cancelQueued(Request request) {
        if (cancelledInQueue.add(request)) {
            cancelledCount++;
        }
    }

    private void dropCancelledHead() {
        while (cancelledCount > 0 && !queue.isEmpty() && cancelledInQueue.remove(queue.peek())) {
            cancelledCount--;
            queue.poll();
        }
    }

    /**
     * Requests waiting in the shared queue, those a client gave up on but not yet dropped not
     * counted (at least 1 while one waits).
     */
    int sharedWaiting() {
        dropCancelledHead();
        return queue.isEmpty() ? 0 : Math.max(1, queue.size() - cancelledCount);
    }

    /** Requests waiting in the queue. */
    public int queued() {
        // A replica's own queue is emptied before it leaves the live replicas, so the running count
        // over all replicas is the count over the live ones.
        return queue.size() + locallyQueued - cancelledCount;
    }

    /**
     * Expected wait of a request joining the queue now: the queue ahead of it over the rate at
     * which replicas have lately been taking requests; 0 when nothing waits, infinite when requests
     * wait and none has been taken lately.
     */
    public double predictedWaitSeconds() {
        int waiting = queued();
        if (waiting == 0) {
            return 0;
        }
        double rate = throughput.perSecond(sim.now());
        return rate > 0 ? waiting / rate : Double.POSITIVE_INFINITY;
    }

    /** Most replicas serving or starting at once so far. */
    public int peakActiveReplicas() {
        return peakActive;
    }

    /** Replica-seconds spent serving with at least one request in service, up to {@code now}. */
    public double busySeconds(double now) {
        double busy = 0;
        for (Replica r : replicas) {
            busy += r.server.busySeconds(now);
        }
        return busy;
    }

    /**
     * Mean batch occupancy over serving time: the share of request slots ({@code max_num_seqs})
     * in use, averaged over replica-seconds serving or draining. Unlike {@link #utilization}, which
     * counts a replica as busy with a single request in its batch, this shows how full the batches
     * were.
     */
    public double batchOccupancy(double now) {
        double area = 0;
        for (Replica r : replicas) {
            area += r.server.occupiedSlotSeconds();
        }
        double serving = ledger.servingSeconds() + ledger.drainingSeconds() + openSeconds(now);
        return serving <= 0 ? 0 : Math.min(1, area / serving);
    }

    /**
     * Utilisation and batch occupancy of the prefill and of the decode workers of a disaggregated
     * pool, each over its workers' serving time (the deployments' serving time times their
     * workers); null for other pools.
     */
    public DisaggregatedUse disaggregatedUse(double now) {
        if (!(spec.server() instanceof ServerSpec.Disaggregated d)) {
            return null;
        }
        double prefillBusy = 0;
        double decodeBusy = 0;
        double prefillSlots = 0;
        double decodeSlots = 0;
        for (Replica r : replicas) {
            DisaggregatedServer s = (DisaggregatedServer) r.server;
            prefillBusy += s.prefillBusySeconds(now);
            decodeBusy += s.decodeBusySeconds(now);
            prefillSlots += s.prefillOccupiedSlotSeconds();
            decodeSlots += s.decodeOccupiedSlotSeconds();
        }
        double serving = ledger.servingSeconds() + ledger.drainingSeconds() + openSeconds(now);
        return new DisaggregatedUse(share(prefillBusy, serving * d.prefillWorkers()),
                share(prefillSlots, serving * d.prefillWorkers()), share(decodeBusy, serving * d.decodeWorkers()),
                share(decodeSlots, serving * d.decodeWorkers()));
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : Math.min(1, part / whole);
    }

    /** The smallest token gap a request joining now would see on a serving replica (0 when none batches). */
    public double predictedTokenGapSeconds() {
        double best = Double.POSITIVE_INFINITY;
        for (Replica r : live) {
            if (r.state == ReplicaState.SERVING) {
                best = Math.min(best, r.server.predictedTokenGapSeconds());
            }
        }
        return best == Double.POSITIVE_INFINITY ? 0 : best;
    }

    /** Replicas in {@code state} now (none is {@link ReplicaState#GONE}: those are not live). */
    public int replicasIn(ReplicaState state) {
        return liveInState[state.ordinal()];
    }

    /** Replicas serving or starting: what the autoscaler counts as the pool's size. */
    public int activeReplicas() {
        return replicasIn(ReplicaState.SERVING) + replicasIn(ReplicaState.COLD_START);
    }

    /** Replicas serving (for compatibility with fixed pools: their replica count). */
    public int replicas() {
        return replicasIn(ReplicaState.SERVING);
    }

    /** Serving replicas with at least one request in service. */
    public int busyReplicas() {
        int busy = 0;
        for (Replica r : live) {
            if (r.state == ReplicaState.SERVING && !r.server.isIdle()) {
                busy++;
            }
        }
        return busy;
    }

    /** Requests in service across the pool's replicas. */
    public int inService() {
        int n = 0;
        for (Replica r : live) {
            n += r.server.inService();
        }
        return n;
    }

    /** Mean KV cache use over serving replicas (0 when none). */
    public double kvUtilization() {
        double sum = 0;
        int n = 0;
        for (Replica r : live) {
            if (r.state == ReplicaState.SERVING) {
                sum += r.server.kvUtilization();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Mean share of serving replica time with at least one request in service, over {@code [0, now]}. */
    public double utilization(double now) {
        double busy = busySeconds(now);
        double serving = servingReplicaSeconds(now);
        return serving <= 0 ? 0 : Math.min(1, busy / serving);
    }

    /** Replica-seconds serving or draining, up to {@code now}. */
    public double servingReplicaSeconds(double now) {
        return ledger.servingSeconds() + ledger.drainingSeconds() + openSeconds(now);
    }

    /** Time integral of KV-cache utilisation summed over the pool's replicas, up to {@code now}. */
    public double kvShareSeconds(double now) {
        double s = 0;
        for (Replica r : replicas) {
            s += r.server.kvShareSeconds(now);
        }
        return s;
    }

    private double openSeconds(double now) {
        double s = 0;
        for (Replica r : live) {
            if (r.state == ReplicaState.SERVING || r.state == ReplicaState.DRAINING) {
                s += now - r.since;
            }
        }
        return s;
    }

    /** Adds or removes replicas so that {@code target} are serving or starting. */
    public void scaleTo(int target) {
        if (heldOut > 0) {
            int ceiling = capacity.scaling() == null ? spec.replicas() : capacity.scaling().maxReplicas();
            target = Math.min(target, Math.max(0, ceiling - heldOut));
        }
        double now = sim.now();
        int active = activeReplicas();
        for (int i = active; i < target; i++) {
            if (!canLaunch(now)) {
                ledger.scaleUpFailed();
                break;
            }
            Replica r = launch(now);
            if (capacity.coldStartSeconds() == 0) {
                becomeServing(r, now);
            } else {
                sim.schedule(now + capacity.coldStartSeconds(), handlerId, r.number);
            }
        }
        for (int i = target; i < active; i++) {
            Replica victim = scaleDownVictim();
            if (victim == null) {
                break;
            }
            if (victim.state == ReplicaState.COLD_START) {
                retire(victim, now);
            } else {
                drain(victim, now);
            }
        }
    }

    private boolean canLaunch(double now) {
        return spotMarket == null || spotMarket.available(now);
    }

    /** Newest starting replica first (cancel it), else the serving one with least in service. */
    private Replica scaleDownVictim() {
        Replica best = null;
        for (Replica r : live) {
            if (r.state == ReplicaState.COLD_START && (best == null || best.state != ReplicaState.COLD_START
                    || r.number > best.number)) {
                best = r;
            }
        }
        if (best != null) {
            return best;
        }
        for (Replica r : live) {
            if (r.state == ReplicaState.SERVING && (best == null || r.server.inService() < best.server.inService())) {
                best = r;
            }
        }
        return best;
    }

    private Replica launch(double now) {
        ReplicaQueue local = spec.balancing() == BalancingPolicy.CENTRAL_QUEUE ? null : new ReplicaQueue(this);
        PoolQueueView shared = local == null ? new PoolQueueView(this) : null;
        Replica r = new Replica(replicas.size(), newServer.apply(replicas.size(), local == null ? shared : local),
                local, now);
        if (local != null) {
            local.ownedBy(r);
        } else {
            shared.ownedBy(r);
        }
        replicas.add(r);
        live.add(r);
        liveInState[r.state.ordinal()]++;
        ledger.replicaStarted();
        peakActive = Math.max(peakActive, activeReplicas());
        if (spotMarket != null) {
            spotMarket.launched(r, now);
        }
        if (failures != null) {
            failures.launched(r, now);
        }
        return r;
    }

    private void becomeServing(Replica r, double now) {
        setState(r, ReplicaState.SERVING, now);
        if (queued() > 0) {
            r.server.wake();
        } else {
            idle.push(r);
        }
    }

    private void drain(Replica r, double now) {
        setState(r, ReplicaState.DRAINING, now);
        handBack(r);
        r.server.drain(() -> retire(r, sim.now()));
    }

    private void retire(Replica r, double now) {
        if (r.state == ReplicaState.GONE) {
            return;
        }
        setState(r, ReplicaState.GONE, now);
        live.remove(r);
        ledger.closeLifetime(now - r.startedAt);
    }

    private void setState(Replica r, ReplicaState state, double now) {
        ledger.add(r.state, now - r.since);
        if (r.state == ReplicaState.SERVING && state != ReplicaState.SERVING) {
            serving.remove(r);
            if (leastLoaded != null) {
                leastLoaded.remove(r);
            }
        } else if (r.state != ReplicaState.SERVING && state == ReplicaState.SERVING) {
            addServing(r);
        }
        liveInState[r.state.ordinal()]--;
        if (state != ReplicaState.GONE) {
            liveInState[state.ordinal()]++;
        }
        r.state = state;
        r.since = now;
    }

    /** Keeps {@link #serving} in launch order, as a scan of the live replicas would see them. */
    private void addServing(Replica r) {
        int at = serving.size();
        while (at > 0 && serving.get(at - 1).number > r.number) {
            at--;
        }
        serving.add(at, r);
        if (leastLoaded != null) {
            leastLoaded.add(r);
        }
    }

    /** A replica's cold start is over. */
    @Override
    public void handle(long payload) {
        Replica r = replicas.get((int) payload);
        if (r.state == ReplicaState.COLD_START) {
            becomeServing(r, sim.now());
        }
    }

    /** Where this pool's GPU and node failures come from (before {@link #start}). */
    void failWith(FailureModel model) {
        this.failures = model;
    }

    Replica replica(int number) {
        return replicas.get(number);
    }

    /** The oldest live replica without an interruption notice, or null. */
    Replica oldestNotNoticed() {
        Replica oldest = null;
        for (Replica r : live) {
            if (!r.noticed && (oldest == null || r.number < oldest.number)) {
                oldest = r;
            }
        }
        return oldest;
    }

    /** A replica about to be taken away: cancel it if still starting, else let it drain. */
    void stopTakingWork(Replica r, double now) {
        if (r.state == ReplicaState.COLD_START) {
            retire(r, now);
        } else if (r.state == ReplicaState.SERVING) {
            drain(r, now);
        }
    }

    /** The machine is taken away: its requests in service go back to the router; returns how many. */
    int interrupt(Replica r, double now) {
        if (r.state == ReplicaState.GONE) {
            return 0;
        }
        List<Request> lost = r.server.evict();
        r.killed = true;
        retire(r, now);
        handBack(r);
        for (Request request : lost) {
            router.accept(request);
        }
        return lost.size();
    }

    /** The live replicas serving or draining, in launch order (those a zone outage can take). */
    List<Replica> runningReplicas() {
        List<Replica> out = new ArrayList<>();
        for (Replica r : live) {
            if (r.state == ReplicaState.SERVING || r.state == ReplicaState.DRAINING) {
                out.add(r);
            }
        }
        return out;
    }

    /** Replicas launched so far: a replica numbered below it was launched before now. */
    int launchedSoFar() {
        return replicas.size();
    }

    /** {@code change} more (or, negative, fewer) replicas may not be replaced for now. */
    void holdOut(int change) {
        heldOut = Math.max(0, heldOut + change);
    }

    /**
     * Asks for a replica outside the pool's scaling (a deploy's replacement, a zone's restored
     * replica) that serves {@code warmUpSeconds} from now.
     */
    void launchWarming(double warmUpSeconds) {
        double now = sim.now();
        Replica r = launch(now);
        if (warmUpSeconds <= 0) {
            becomeServing(r, now);
        } else {
            sim.schedule(now + warmUpSeconds, handlerId, r.number);
        }
    }

    /** Requests still waiting in a replica's own queue go back to the pool's shared queue. */
    private void handBack(Replica r) {
        if (r.local == null) {
            return;
        }
        for (Request request : r.local.takeAll()) {
            if (forgetIfCancelled(request)) {
                continue;
            }
            queue.add(request);
        }
        for (Replica other : live) {
            if (other.state == ReplicaState.SERVING && other.server.isIdle() && !queue.isEmpty()) {
                other.server.wake();
            }
        }
    }

    /** Closes the books at the end of the run: every live replica is paid up to {@code end}. */
    void close(double end) {
        for (Replica r : live) {
            ledger.add(r.state, end - r.since);
            r.since = end;
            ledger.closeLifetime(end - r.startedAt);
        }
    }
}
