package io.fleetsim.serving;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.PromptPrefix;
import io.fleetsim.workload.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One disaggregated deployment (xPyD) as one server of its pool: prefill workers take requests from
 * the pool's queue and prefill their prompts; each prompt's KV cache then crosses the link to the
 * decode side, and a decode worker takes the request over when the KV has arrived and it has room
 * for it in its cache and batch, as vLLM's disaggregated prefill, SGLang's PD disaggregation and
 * NVIDIA Dynamo run it.
 *
 * <p>The client's first token is the one the prefill worker generated, streamed by the decode
 * worker when it takes the request over (in these engines the client's stream comes from the
 * decode side), so TTFT includes the queue, the prefill, the transfer and any wait for a decode
 * worker's room; TPOT is the decode worker's. A request of one output token ends on its prefill
 * worker and moves no KV.
 *
 * <p>Within the deployment, idle prefill workers are woken first (they then pull from the pool's
 * queue, as its central queue does), and transferred requests wait in one queue, oldest first,
 * that every decode worker pulls from when it has room. Each prefill worker sends one transfer at
 * a time over its share of the link ({@link io.fleetsim.spec.KvLinkSpec}); its KV cache is
 * freed when the prompt is done (the copy in flight is not counted against it). A transferred
 * request reaches the decode side's queue a handoff ({@link io.fleetsim.spec.HandoffSpec})
 * after its KV has arrived; handoffs overlap and hold no link or worker.
 */
public final class DisaggregatedServer implements Server, EventHandler, KvHandoff {

    private final Simulator sim;
    private final int handlerId;
    private final int pool;
    private final ServerSpec.Disaggregated spec;
    private final WorkSource source;
    private final ServingListener listener;
    private final List<LlmReplica> prefill = new ArrayList<>();
    private final List<LlmReplica> decode = new ArrayList<>();
    private final Map<LlmReplica, Double> linkFreeAt = new HashMap<>();
    /** Transfers under way by their event payload, in the order they started. */
    private final Map<Long, Transfer> inFlight = new LinkedHashMap<>();
    /** Requests whose KV has arrived, waiting for a decode worker's room. */
    private final ArrayDeque<Request> arrived = new ArrayDeque<>();
    /** When each request in flight or waiting for a decode worker was admitted. */
    private final Map<Request, KvHandoff.Admission> admissions = new HashMap<>();
    private final WorkSource prefillSource;
    private final WorkSource decodeSource;
    private long nextTransfer;
    private long transfers;
    private Runnable whenDrained;

    /** A transfer: its KV lands at {@code arrivesAt}; the decode side may take it over a handoff later. */
    private record Transfer(Request request, double prefilledAt, double arrivesAt, double bytes) {
    }

    /** Deployment {@code spec} of pool {@code pool}, taking requests from {@code source}. */
    public DisaggregatedServer(Simulator sim, int pool, ServerSpec.Disaggregated spec, WorkSource source,
                               ServingListener listener) {
        this.sim = sim;
        this.pool = pool;
        this.spec = spec;
        this.source = source;
        this.listener = listener;
        this.handlerId = sim.register(this);
        this.prefillSource = new WorkerSource(source::peek, source::poll);
        this.decodeSource = new WorkerSource(arrived::peek, arrived::poll);
        for (int i = 0; i < spec.prefillWorkers(); i++) {
            LlmReplica w = new LlmReplica(sim, pool, spec.prefill(), prefillSource, listener,
                    LlmReplica.Role.PREFILL, this, this);
            prefill.add(w);
            linkFreeAt.put(w, 0.0);
        }
        for (int i = 0; i < spec.decodeWorkers(); i++) {
            decode.add(new LlmReplica(sim, pool, spec.decode(), decodeSource, listener, LlmReplica.Role.DECODE, this,
                    this));
        }
    }

    /** Whether a deployment of {@code spec} could ever serve {@code request}: both sides fit it. */
    public static boolean fits(ServerSpec.Disaggregated spec, Request request) {
        return ContextLimit.of(spec).fits(request);
    }

    @Override
    public void prefilled(LlmReplica from, Request request, double admitted, int inServiceAtAdmission, double now) {
        double bytes = spec.transferBytes(request.promptTokens());
        double start = Math.max(now, linkFreeAt.get(from));
        double end = start + spec.transferSeconds(request.promptTokens());
        linkFreeAt.put(from, end);
        admissions.put(request, new KvHandoff.Admission(admitted, inServiceAtAdmission));
        long id = nextTransfer++;
        inFlight.put(id, new Transfer(request, now, end, bytes));
        // The handoff holds no link: the next transfer may start at end while this one is handed over.
        sim.schedule(end + spec.handoff().latencySeconds(), handlerId, id);
    }

    @Override
    public KvHandoff.Admission admission(Request request) {
        return admissions.remove(request);
    }

    /** A transfer is done and handed over: the request waits for a decode worker with room. */
    @Override
    public void handle(long payload) {
        Transfer t = inFlight.remove(payload);
        if (t == null) {
            return;
        }
        transfers++;
        listener.kvTransferred(pool, t.request(), t.arrivesAt() - t.prefilledAt(), t.bytes());
        arrived.add(t.request());
        wakeDecode(t.request());
    }

    private void wakeDecode(Request request) {
        LlmReplica best = null;
        for (LlmReplica w : decode) {
            if (w.isIdle()) {
                w.wake();
                return;
            }
            if (w.hasRoomFor(request) && (best == null || w.inService() < best.inService())) {
                best = w;
            }
        }
        if (best != null) {
            best.wake();
        }
    }

    private void workerIdle() {
        if (!isIdle()) {
            return;
        }
        source.serverIdle(this);
        if (whenDrained != null) {
            Runnable r = whenDrained;
            whenDrained = null;
            r.run();
        }
    }

    /** Transfers completed so far (each request moved to the decode side counts once). */
    public long transfers() {
        return transfers;
    }

    /** Prefill workers in the deployment. */
    public int prefillWorkers() {
        return prefill.size();
    }

    /** Decode workers in the deployment. */
    public int decodeWorkers() {
        return decode.size();
    }

    /** Seconds the prefill workers together spent with a request in service, up to {@code now}. */
    public double prefillBusySeconds(double now) {
        return prefill.stream().mapToDouble(w -> w.busySeconds(now)).sum();
    }

    /** Seconds the decode workers together spent with a request in service, up to {@code now}. */
    public double decodeBusySeconds(double now) {
        return decode.stream().mapToDouble(w -> w.busySeconds(now)).sum();
    }

    /** The prefill workers' batch occupancy integrals, summed ({@link Server#occupiedSlotSeconds}). */
    public double prefillOccupiedSlotSeconds() {
        return prefill.stream().mapToDouble(LlmReplica::occupiedSlotSeconds).sum();
    }

    /** The decode workers' batch occupancy integrals, summed. */
    public double decodeOccupiedSlotSeconds() {
        return decode.stream().mapToDouble(LlmReplica::occupiedSlotSeconds).sum();
    }

    @Override
    public boolean accepts(Request request) {
        return fits(spec, request);
    }

    @Override
    public boolean isIdle() {
        if (!inFlight.isEmpty() || !arrived.isEmpty()) {
            return false;
        }
        for (LlmReplica w : prefill) {
            if (!w.isIdle()) {
                return false;
            }
        }
        for (LlmReplica w : decode) {
            if (!w.isIdle()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean hasRoomFor(Request request) {
        for (LlmReplica w : prefill) {
            if (w.hasRoomFor(request)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int inService() {
        int n = inFlight.size() + arrived.size();
        for (LlmReplica w : prefill) {
            n += w.inService();
        }
        for (LlmReplica w : decode) {
            n += w.inService();
        }
        return n;
    }

    @Override
    public void wake() {
        for (LlmReplica w : prefill) {
            if (w.isIdle()) {
                w.wake();
                return;
            }
        }
        // Every prefill worker is stepping: each takes what it has room for at its next iteration.
    }

    /** GPU-weighted over the workers: busy GPU-seconds over the deployment's GPUs. */
    @Override
    public double busySeconds(double now) {
        return (prefillBusySeconds(now) * spec.prefill().gpusPerReplica()
                + decodeBusySeconds(now) * spec.decode().gpusPerReplica()) / spec.gpusPerReplica();
    }

    @Override
    public long outstandingTokens() {
        long n = 0;
        for (LlmReplica w : prefill) {
            n += w.outstandingTokens();
        }
        for (LlmReplica w : decode) {
            n += w.outstandingTokens();
        }
        for (Transfer t : inFlight.values()) {
            n += t.request().totalTokens();
        }
        for (Request r : arrived) {
            n += r.totalTokens();
        }
        return n;
    }

    @Override
    public int cachedPrefixTokens(PromptPrefix prefix) {
        int best = 0;
        for (LlmReplica w : prefill) {
            best = Math.max(best, w.cachedPrefixTokens(prefix));
        }
        return best;
    }

    /** GPU-weighted over the workers, as {@link #busySeconds}. */
    @Override
    public double occupiedSlotSeconds() {
        return (prefillOccupiedSlotSeconds() * spec.prefill().gpusPerReplica()
                + decodeOccupiedSlotSeconds() * spec.decode().gpusPerReplica()) / spec.gpusPerReplica();
    }

    /** The best next token gap among the decode workers, where tokens are generated. */
    @Override
    public double predictedTokenGapSeconds() {
        double best = Double.POSITIVE_INFINITY;
        for (LlmReplica w : decode) {
            best = Math.min(best, w.predictedTokenGapSeconds());
        }
        return best;
    }

    /** Mean over the decode workers, whose caches hold requests the longest. */
    @Override
    public double kvUtilization() {
        return decode.stream().mapToDouble(LlmReplica::kvUtilization).average().orElse(0);
    }

    /** Mean over the decode workers, as {@link #kvUtilization}. */
    @Override
    public double kvShareSeconds(double now) {
        return decode.stream().mapToDouble(w -> w.kvShareSeconds(now)).average().orElse(0);
    }

    @Override
    public void drain(Runnable whenEmpty) {
        // Decode workers keep taking requests over until what the prefill side started is done.
        for (LlmReplica w : prefill) {
            w.drain(() -> { });
        }
        if (isIdle()) {
            whenEmpty.run();
        } else {
            whenDrained = whenEmpty;
        }
    }

    @Override
    public boolean cancel(Request request) {
        for (LlmReplica w : prefill) {
            if (w.cancel(request)) {
                return true;
            }
        }
        // Its prompt was prefilled: that work is wasted.
        for (Map.Entry<Long, Transfer> e : inFlight.entrySet()) {
            if (e.getValue().request() == request) {
                inFlight.remove(e.getKey());
                admissions.remove(request);
                listener.cancelledWork(request, request.promptTokens());
                return true;
            }
        }
        if (arrived.remove(request)) {
            admissions.remove(request);
            listener.cancelledWork(request, request.promptTokens());
            return true;
        }
        return false;
    }

    @Override
    public List<Request> evict() {
        List<Request> lost = new ArrayList<>();
        for (LlmReplica w : prefill) {
            lost.addAll(w.evict());
        }
        for (LlmReplica w : decode) {
            lost.addAll(w.evict());
        }
        for (Transfer t : inFlight.values()) {
            lost.add(t.request());
            listener.lostToInterruption(t.request(), t.request().promptTokens());
        }
        for (Request r : arrived) {
            lost.add(r);
            listener.lostToInterruption(r, r.promptTokens());
        }
        inFlight.clear();
        arrived.clear();
        admissions.clear();
        whenDrained = null;
        lost.sort(Comparator.comparingLong(Request::id));
        return lost;
    }

    /**
     * Where one side's workers take requests from: the pool's queue for prefill workers, the
     * transferred requests for decode workers. A worker going idle or changing load is the
     * deployment's: the pool's index of loads hears of it through the deployment.
     */
    private final class WorkerSource implements WorkSource {
        private final java.util.function.Supplier<Request> peek;
        private final java.util.function.Supplier<Request> poll;

        WorkerSource(java.util.function.Supplier<Request> peek, java.util.function.Supplier<Request> poll) {
            this.peek = peek;
            this.poll = poll;
        }

        @Override
        public Request peek() {
            return peek.get();
        }

        @Override
        public Request poll() {
            return poll.get();
        }

        @Override
        public void serverIdle(Server server) {
            workerIdle();
        }

        @Override
        public void loadChanged(Server server) {
            source.loadChanged(DisaggregatedServer.this);
        }
    }
}
