package io.fleetsim.serving;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.BatchingSpec;
import io.fleetsim.scenario.ServerSpec;
import io.fleetsim.workload.Request;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;

/**
 * One model replica serving with continuous batching and chunked prefill, as vLLM does.
 *
 * <p>Each iteration, every decoding sequence produces one token and the rest of the token budget
 * ({@code max_batched_tokens}) goes to prompts being prefilled, oldest first; new requests are
 * taken from the pool's queue while budget, sequence slots and KV cache allow. A sequence whose
 * prefill completes emits its first token at the end of that iteration.
 *
 * <p>KV cache: a request is admitted only when its whole context (prompt + output) can be reserved
 * in the cache, so no preemption is needed yet.
 *
 * <p>Speed: an iteration containing prefill work is one event. A stretch of decode-only
 * iterations runs as one event up to the next sequence completion ({@link StepTimeModel} gives its
 * duration in closed form); an arrival that could join shortens the stretch to the end of the
 * iteration in progress. Events thus grow with requests and batch changes, not tokens.
 */
public final class LlmReplica implements Server, EventHandler {

    private final Simulator sim;
    private final int handlerId;
    private final int pool;
    private final StepTimeModel steps;
    private final BatchingSpec batching;
    private final int maxModelLen;
    private final long kvCapacityTokens;
    private final WorkSource source;
    private final ServingListener listener;
    private final BusyClock clock = new BusyClock();

    private final ArrayDeque<Sequence> prefilling = new ArrayDeque<>();
    private final PriorityQueue<Sequence> decoding = new PriorityQueue<>(
            Comparator.comparingLong((Sequence s) -> s.finishIteration).thenComparingLong(s -> s.admissionOrder));
    private long admissions;
    private long iteration;
    private long kvReserved;
    private double kvTokens;

    private boolean stepping;
    private boolean decodeSegment;
    private double stepStart;
    private long stepIterations;
    private int stepBatch;
    private double stepKvTokens;
    private long generation;

    /** A replica of pool {@code pool} as {@code spec} describes it. */
    public LlmReplica(Simulator sim, int pool, ServerSpec.Llm spec, WorkSource source, ServingListener listener) {
        this.sim = sim;
        this.pool = pool;
        this.steps = new StepTimeModel(spec.memory(), spec.performance());
        this.batching = spec.batching();
        this.maxModelLen = spec.maxModelLen();
        this.kvCapacityTokens = spec.memory().kvCacheTokens();
        this.source = source;
        this.listener = listener;
        this.handlerId = sim.register(this);
    }

    @Override
    public boolean accepts(Request request) {
        return request.totalTokens() <= maxModelLen;
    }

    @Override
    public boolean isIdle() {
        return !stepping;
    }

    @Override
    public boolean hasRoomFor(Request request) {
        return inService() < batching.maxNumSeqs() && kvReserved + request.totalTokens() <= kvCapacityTokens;
    }

    @Override
    public int inService() {
        return prefilling.size() + decoding.size();
    }

    @Override
    public double busySeconds(double now) {
        return clock.busySeconds(now);
    }

    @Override
    public void wake() {
        if (!stepping) {
            planStep();
            return;
        }
        if (!decodeSegment || stepIterations <= 1) {
            return;
        }
        // Cut the decode stretch at the end of the iteration in progress so the new work can join.
        double now = sim.now();
        long done = steps.decodeIterationsWithin(stepBatch, stepKvTokens, now - stepStart, stepIterations);
        long keep = done + 1;
        if (keep < stepIterations) {
            stepIterations = keep;
            double end = Math.max(now, stepStart + steps.decodeSegmentSeconds(stepBatch, stepKvTokens, keep));
            sim.schedule(end, handlerId, ++generation);
        }
    }

    @Override
    public void handle(long payload) {
        if (payload != generation) {
            return;
        }
        finishStep();
        planStep();
    }

    private void finishStep() {
        double now = sim.now();
        if (decodeSegment) {
            iteration += stepIterations;
            kvTokens += (double) stepBatch * stepIterations;
        } else {
            iteration++;
            kvTokens += decoding.size();
        }
        completeFinishedDecodes(now);
        if (!decodeSegment) {
            advancePrefills(now);
        }
    }

    private void completeFinishedDecodes(double now) {
        while (!decoding.isEmpty() && decoding.peek().finishIteration <= iteration) {
            Sequence s = decoding.poll();
            release(s);
            listener.completed(s.request, pool, s.admittedAt, s.firstTokenAt, now);
        }
    }

    private void advancePrefills(double now) {
        Iterator<Sequence> it = prefilling.iterator();
        while (it.hasNext()) {
            Sequence s = it.next();
            if (s.chunk == 0) {
                break;
            }
            s.prefilled += s.chunk;
            kvTokens += s.chunk;
            s.chunk = 0;
            if (s.promptRemaining() > 0) {
                continue;
            }
            it.remove();
            s.firstTokenAt = now;
            if (s.request.outputTokens() <= 1) {
                release(s);
                listener.completed(s.request, pool, s.admittedAt, now, now);
            } else {
                kvTokens += 1;
                s.finishIteration = iteration + s.request.outputTokens() - 1;
                decoding.add(s);
            }
        }
    }

    /** Frees a finished sequence's KV: its prompt, plus its output once it has decoded. */
    private void release(Sequence s) {
        kvReserved -= s.request.totalTokens();
        int outputHeld = s.request.outputTokens() > 1 ? s.request.outputTokens() : 0;
        kvTokens -= s.prefilled + outputHeld;
    }

    private void planStep() {
        double now = sim.now();
        int budget = batching.maxBatchedTokens() - decoding.size();
        int prefillTokens = 0;
        for (Sequence s : prefilling) {
            int chunk = Math.min(budget, s.promptRemaining());
            s.chunk = chunk;
            budget -= chunk;
            prefillTokens += chunk;
        }
        while (budget > 0) {
            Request next = source.peek();
            if (next == null || !hasRoomFor(next)) {
                break;
            }
            source.poll();
            Sequence s = new Sequence(next, now, admissions++);
            kvReserved += next.totalTokens();
            s.chunk = Math.min(budget, next.promptTokens());
            budget -= s.chunk;
            prefillTokens += s.chunk;
            prefilling.add(s);
        }
        if (prefillTokens > 0) {
            startStep(now, false, 1, steps.iterationSeconds(prefillTokens, decoding.size(), kvTokens));
        } else if (!decoding.isEmpty()) {
            long n = decoding.peek().finishIteration - iteration;
            stepBatch = decoding.size();
            stepKvTokens = kvTokens;
            startStep(now, true, n, steps.decodeSegmentSeconds(stepBatch, kvTokens, n));
        } else {
            stepping = false;
            clock.idleAt(now);
        }
    }

    private void startStep(double now, boolean decodeOnly, long iterations, double seconds) {
        stepping = true;
        clock.busyAt(now);
        decodeSegment = decodeOnly;
        stepStart = now;
        stepIterations = iterations;
        sim.schedule(now + seconds, handlerId, ++generation);
    }
}
