package io.fleetsim.serving;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.spec.KvAdmission;
import io.fleetsim.spec.PrefillBatching;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.PromptPrefix;
import io.fleetsim.workload.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One model replica serving with continuous batching, chunked prefill, a paged KV cache with
 * preemption by recompute, and prefix caching, as vLLM does.
 *
 * <p>Each iteration, every decoding sequence produces one token and the rest of the token budget
 * ({@code max_batched_tokens}) goes to prompts being prefilled, oldest first; new requests are
 * admitted (preempted ones first, then the pool's queue in arrival order) while budget, sequence
 * slots and free KV blocks allow. A sequence whose prefill completes emits a token at the end of
 * that iteration. When the next iteration's new tokens would not fit in the cache, the most
 * recently admitted sequence is preempted: its blocks are freed and it is prefilled again later
 * (the recomputed tokens are waste). A prefix-cache hit skips that part of the prompt's prefill.
 *
 * <p>Speed: an iteration containing prefill work is one event. A stretch of decode-only
 * iterations runs as one event up to the next completion or cache overflow, its duration in
 * closed form ({@link StepTimeModel}); an arrival that could join shortens the stretch to the end
 * of the iteration in progress. Events grow with requests and batch changes, not tokens.
 */
public final class LlmReplica implements Server, EventHandler {

    /** What a replica does with the requests it takes. */
    enum Role {
        /** Prefills and decodes them (an aggregated replica). */
        COMBINED,
        /** Prefills their prompts and hands them over with their KV cache (a prefill worker). */
        PREFILL,
        /** Takes over requests whose prompt's KV has arrived and decodes them (a decode worker). */
        DECODE
    }

    /** Tokens per KV block (vLLM's default block size). */
    public static final int KV_BLOCK_TOKENS = 16;
    /** Share of KV blocks kept free when admitting, so growth does not preempt at once (vLLM: 1 %). */
    private static final double WATERMARK = 0.01;
    /** Weight of each new iteration in the moving average of iteration times. */
    private static final double ITERATION_SMOOTHING = 0.05;
    /** {@code KEEP_AFTER[n]}: the weight the average keeps after n iterations, Math.pow's own values, looked up. */
    private static final double[] KEEP_AFTER = new double[1024];

    static {
        for (int n = 0; n < KEEP_AFTER.length; n++) {
            KEEP_AFTER[n] = Math.pow(1 - ITERATION_SMOOTHING, n);
        }
    }

    /** Pieces a decode stretch's inter-token gaps are summarized in: a power of two, {@code 1 << GAP_PIECES_LOG2}. */
    private static final int GAP_PIECES_LOG2 = 2;
    private static final int GAP_PIECES = 1 << GAP_PIECES_LOG2;

    private final Simulator sim;
    private final int handlerId;
    /** The end of the step under way: moved when a decode stretch is cut, so no stale event is left. */
    private final int stepTimer;
    private final int pool;
    private final StepTimeModel steps;
    /** The spec's batching limits, copied into fields: read at every step and admission. */
    private final int maxNumSeqs;
    private final int maxBatchedTokens;
    private final int maxModelLen;
    private final WorkSource source;
    private final ServingListener listener;
    private final BusyClock clock = new BusyClock();
    private final KvBlockLedger kv;
    /** KV blocks of one attention rank: a sequence lives on one rank (all of them without ranks). */
    private final long rankCapacityBlocks;
    private final long watermarkBlocks;
    private final PrefixCache prefixCache = new PrefixCache();
    private final Role role;
    /** Where a prefill worker hands requests over and a decode worker learns of them; null when combined. */
    private final KvHandoff handoff;
    /** The server the pool sees as holding the requests this replica admits: itself, or its deployment. */
    private final Server owner;
    /** Tokens a drafter proposes per sequence and step (0 without speculative decoding). */
    private final int draftTokens;
    /** Expected tokens a decode step adds to a sequence (1 without speculative decoding), when all requests share one rate. */
    private final double tokensPerStep;
    /** Each request's acceptance rate when they differ (by route or by draw), else null. */
    private final AcceptanceDraws acceptance;
    /** With {@link #acceptance}: the decoding sequences' expected tokens per step, summed. */
    private double decodingTokensPerStep;
    /** Admit only what fits with every running request's whole output (no preemption ever). */
    private final boolean reserveOutput;
    /** Prefill iterations do not decode (SGLang): decoding pauses while prompts are prefilled. */
    private final boolean separatePrefill;
    /** Attention data-parallel ranks, and the iterations new prompts may wait for one each (0: none). */
    private final int dpRanks;
    private final int dpBalanceIterations;
    /** The iteration since which new prompts wait for every rank to have one; -1 when none wait so. */
    private long heldSince = -1;

    /** Scratch for {@link #reportDecodeGaps}: each piece's middle iteration and its duration. */
    private final long[] gapIterations = new long[GAP_PIECES];
    private final double[] gapSeconds = new double[GAP_PIECES];
    private final ArrayDeque<Sequence> preempted = new ArrayDeque<>();
    /** In admission order; a list, so that walking it every step needs no iterator object. */
    private final ArrayList<Sequence> prefilling = new ArrayList<>();
    private final DecodeHeap decoding = new DecodeHeap();
    /**
     * Requests in service, prefilling, decoding or preempted: the sum of the three collections'
     * sizes, kept as a count because the pool's load index and the step planning read it at
     * every change, and a sum would read three more objects each time (with thousands of
     * replicas, three cache misses). It changes when a request is admitted or taken over (+1) and
     * when it completes, is handed over or cancelled (-1); moving between the collections (prefill
     * done, preemption, resumption) leaves it as it is.
     */
    private int requestsInService;
    private long admissions;
    private long iteration;
    private long prefillHeldTokens;
    private long outstandingTokens;

    private boolean admitting = true;
    private final DrainSignal drained = new DrainSignal();
    private boolean stepping;
    private boolean decodeSegment;
    /** The step under way prefills only: decoding sequences wait it out. */
    private boolean prefillOnly;
    private double stepStart;
    private long stepIterations;
    private int stepBatch;
    private double stepKvTokens;
    private double stepSeconds;
    private int stepPrefillTokens;
    private int stepInService;
    private double occupiedSlotSeconds;
    /** KV share-seconds up to {@link #kvMarkTime}, when the cache held {@link #kvMarkShare}. */
    private double kvShareSeconds;
    private double kvMarkTime;
    private double kvMarkShare;
    /** Moving average of iteration times, about the last 20 iterations (only while stepping). */
    private double recentIterationSeconds;
    private long generation;

    /** A replica of pool {@code pool} as {@code spec} describes it. */
    public LlmReplica(Simulator sim, int pool, ServerSpec.Llm spec, WorkSource source, ServingListener listener) {
        this(sim, pool, spec, source, listener, Role.COMBINED, null, null);
    }

    /** A worker of a disaggregated deployment {@code owner}, passing requests on through {@code handoff}. */
    LlmReplica(Simulator sim, int pool, ServerSpec.Llm spec, WorkSource source, ServingListener listener, Role role,
               KvHandoff handoff, Server owner) {
        this.role = role;
        this.handoff = handoff;
        this.owner = owner == null ? this : owner;
        this.sim = sim;
        this.pool = pool;
        this.steps = StepTimeModels.of(spec);
        this.maxNumSeqs = spec.batching().maxNumSeqs();
        this.maxBatchedTokens = spec.batching().maxBatchedTokens();
        this.maxModelLen = spec.maxModelLen();
        this.kv = new KvBlockLedger(spec.kvCacheTokens(), KV_BLOCK_TOKENS);
        this.rankCapacityBlocks = kv.capacityBlocks() / spec.memory().attentionDataParallel();
        this.draftTokens = spec.speculative() == null ? 0 : spec.speculative().tokens();
        this.tokensPerStep = spec.tokensPerStep();
        this.acceptance = spec.speculative() == null || spec.speculative().oneRate() ? null
                : new AcceptanceDraws(spec.speculative());
        this.watermarkBlocks = (long) Math.floor(kv.capacityBlocks() * WATERMARK);
        this.reserveOutput = spec.batching().kvAdmission() == KvAdmission.RESERVE_OUTPUT;
        this.separatePrefill = spec.batching().prefill() == PrefillBatching.SEPARATE;
        this.dpRanks = spec.memory().attentionDataParallel();
        this.dpBalanceIterations = dpRanks > 1 && role != Role.DECODE ? spec.batching().dpBalanceIterations() : 0;
        this.source = source;
        this.listener = listener;
        this.handlerId = sim.register(this);
        this.stepTimer = sim.newTimer();
    }

    @Override
    public boolean accepts(Request request) {
        return request.totalTokens() <= maxModelLen && kv.blocksFor(request.totalTokens()) <= rankCapacityBlocks;
    }

    /**
     * Whether a replica of {@code spec} could ever serve {@code request}: its context is within
     * the maximum model length and fits the KV cache (of one attention rank, with attention data
     * parallelism) in whole blocks (or a lone request could never finish).
     */
    public static boolean fits(ServerSpec.Llm spec, Request request) {
        return ContextLimit.of(spec).fits(request);
    }

    @Override
    public boolean isIdle() {
        return !stepping;
    }

    @Override
    public boolean hasRoomFor(Request request) {
        return admitting && inService() < maxNumSeqs
                && kv.freeBlocksAt(iteration) - watermarkBlocks >= kv.blocksFor(request.promptTokens() + 1L)
                && reservationAllows(request);
    }

    /**
     * Under {@link KvAdmission#RESERVE_OUTPUT}, whether the whole contexts of the requests in
     * service ({@link #outstandingTokens}) and of {@code request}, each in whole blocks (at most one
     * partial block a sequence), fit the cache; a lone request always may.
     */
    private boolean reservationAllows(Request request) {
        return !reserveOutput || inService() == 0
                || kv.blocksFor(outstandingTokens + request.totalTokens()) + inService() + 1 <= kv.capacityBlocks();
    }

    @Override
    public int inService() {
        return requestsInService;
    }

    /**
     * The larger of the recent mean iteration time (which includes the stalls prefill work puts
     * into decoding) and the next decode iteration with one more sequence.
     */
    @Override
    public double predictedTokenGapSeconds() {
        double kvTokens = kv.decodingTokensAt(iteration) + prefillHeldTokens;
        return Math.max(recentIterationSeconds, steps.iterationSeconds(0, 0, decoding.size() + 1, kvTokens));
    }

    @Override
    public double occupiedSlotSeconds() {
        return occupiedSlotSeconds;
    }

    @Override
    public long outstandingTokens() {
        return outstandingTokens;
    }

    @Override
    public int cachedPrefixTokens(PromptPrefix prefix) {
        return prefix.isEmpty() ? 0 : prefixCache.peek(prefix);
    }

    @Override
    public double kvUtilization() {
        return kvShareAt(iteration);
    }

    private double kvShareAt(long atIteration) {
        return kv.capacityBlocks() == 0 ? 0 : 1 - (double) kv.freeBlocksAt(atIteration) / kv.capacityBlocks();
    }

    /**
     * Between KV changes the share moves from the last mark to {@code share} (constant over a
     * prefill, growing by whole blocks over a decode stretch): the trapezoid between the two.
     */
    private void accrueKv(double now, double share) {
        kvShareSeconds += (kvMarkShare + share) / 2 * (now - kvMarkTime);
        markKv(now, share);
    }

    private void markKv(double now, double share) {
        kvMarkTime = now;
        kvMarkShare = share;
    }

    @Override
    public double kvShareSeconds(double now) {
        return kvShareSeconds + kvMarkShare * Math.max(0, now - kvMarkTime);
    }

    @Override
    public void drain(Runnable whenEmpty) {
        admitting = false;
        if (!stepping && inService() == 0) {
            whenEmpty.run();
        } else {
            drained.await(whenEmpty);
        }
    }

    @Override
    public boolean cancel(Request request) {
        for (Sequence s : prefilling) {
            if (s.request == request && Double.isNaN(s.firstTokenAt)) {
                accrueKv(sim.now(), kvUtilization());
                prefilling.remove(s);
                requestsInService--;
                kv.releasePrefill(s.prefillBlocks);
                markKv(sim.now(), kvUtilization());
                prefillHeldTokens -= s.prefilled;
                outstandingTokens -= request.totalTokens();
                source.loadChanged(this);
                // Prompt tokens served from the prefix cache were not computed: not wasted.
                listener.cancelledWork(request, s.prefilled - s.cachedTokens);
                return true;
            }
        }
        for (Sequence s : preempted) {
            if (s.request == request && Double.isNaN(s.firstTokenAt)) {
                preempted.remove(s);
                requestsInService--;
                outstandingTokens -= request.totalTokens();
                source.loadChanged(this);
                listener.cancelledWork(request, 0);
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Request> evict() {
        double now = sim.now();
        if (stepping && decodeSegment) {
            // Tokens generated so far in the stretch under way are lost too.
            iteration += steps.decodeIterationsWithin(stepBatch, stepKvTokens, now - stepStart, stepIterations);
        }
        accrueKv(now, kvUtilization());
        markKv(now, 0);
        List<Request> lost = new ArrayList<>();
        long heldBefore = outstandingTokens;
        for (Sequence s : prefilling) {
            lost.add(s.request);
            listener.lostToInterruption(s.request, s.prefilled - s.cachedTokens);
        }
        for (int i = 0; i < decoding.size(); i++) {
            Sequence s = decoding.get(i);
            lost.add(s.request);
            listener.lostToInterruption(s.request, s.decodeOffset + iteration);
        }
        for (Sequence s : preempted) {
            lost.add(s.request);
            listener.lostToInterruption(s.request, 0);
        }
        prefilling.clear();
        decoding.clear();
        decodingTokensPerStep = 0;
        preempted.clear();
        requestsInService = 0;
        outstandingTokens = 0;
        if (heldBefore != 0 || !lost.isEmpty()) {
            source.loadChanged(this);
        }
        admitting = false;
        heldSince = -1;
        drained.cancel();
        stepping = false;
        generation++;
        sim.cancelTimer(stepTimer);
        clock.idleAt(now);
        lost.sort(Comparator.comparingLong(Request::id));
        return lost;
    }

    @Override
    public double busySeconds(double now) {
        return clock.busySeconds(now);
    }

    @Override
    public void wake() {
        if (!stepping || stepStart == sim.now()) {
            // Idle, or a step planned this very instant and not yet run: (re)plan so that requests
            // arriving at the same time share the iteration.
            accrueKv(sim.now(), kvUtilization());
            planStep();
            markKv(sim.now(), kvUtilization());
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
            stepSeconds = steps.decodeSegmentSeconds(stepBatch, stepKvTokens, keep);
            double end = Math.max(now, stepStart + stepSeconds);
            sim.setTimer(stepTimer, end, handlerId, ++generation);
        }
    }

    @Override
    public void handle(long payload) {
        if (payload != generation) {
            return;
        }
        accrueKv(sim.now(), kvShareAt(iteration + (decodeSegment ? stepIterations : prefillOnly ? 0 : 1)));
        finishStep();
        planStep();
        markKv(sim.now(), kvUtilization());
    }

    private void finishStep() {
        double now = sim.now();
        occupiedSlotSeconds += (double) stepInService / maxNumSeqs * (now - stepStart);
        recordIterations(stepIterations, now - stepStart);
        if (decodeSegment) {
            // stepSeconds is decodeSegmentSeconds(stepBatch, stepKvTokens, stepIterations), kept when planned or cut.
            listener.computeTime(pool, 0, stepSeconds);
            reportDecodeGaps();
            iteration += stepIterations;
            completeFinishedDecodes(now);
        } else if (prefillOnly) {
            // Decoding sequences produced nothing: no iteration passes for them, their next token
            // comes that much later.
            listener.computeTime(pool, stepSeconds, 0);
            advancePrefills(now);
        } else {
            double prefillShare = (double) stepPrefillTokens / (stepPrefillTokens + decoding.size());
            listener.computeTime(pool, stepSeconds * prefillShare, stepSeconds * (1 - prefillShare));
            tokenGaps(stepSeconds, decoding.size());
            iteration++;
            completeFinishedDecodes(now);
            advancePrefills(now);
        }
    }

    private void recordIterations(long n, double seconds) {
        double keep = n < KEEP_AFTER.length ? KEEP_AFTER[(int) n] : Math.pow(1 - ITERATION_SMOOTHING, n);
        recentIterationSeconds = recentIterationSeconds * keep + seconds / n * (1 - keep);
    }

    /**
     * The stretch's {@code n} iterations in pieces {@code [n p / pieces, n (p + 1) / pieces)}, each
     * reported at the step time of its middle iteration.
     */
    private void reportDecodeGaps() {
        long n = stepIterations;
        int pieces = (int) Math.min(GAP_PIECES, n);
        long[] middles = gapIterations;
        for (int p = 0; p < pieces; p++) {
            middles[p] = (pieceStart(n, pieces, p) + pieceStart(n, pieces, p + 1) - 1) >> 1;
        }
        double[] gaps = gapSeconds;
        steps.decodeIterationSeconds(stepBatch, stepKvTokens, middles, pieces, gaps);
        for (int p = 0; p < pieces; p++) {
            tokenGaps(gaps[p], (pieceStart(n, pieces, p + 1) - pieceStart(n, pieces, p)) * stepBatch);
        }
    }

    /**
     * {@code n p / pieces}, the first iteration of piece {@code p} of a stretch of {@code n > 0}
     * iterations, without a 64-bit division (tens of cycles, several per stretch): pieces is
     * either {@link #GAP_PIECES}, a power of two, or n itself (a stretch shorter than that), where
     * the quotient is p. Every operand is non-negative, so the shift is the same as the division.
     */
    private static long pieceStart(long n, int pieces, int p) {
        return pieces == GAP_PIECES ? (n * p) >> GAP_PIECES_LOG2 : p;
    }

    /**
     * {@code steps x sequences} decode steps, each {@code seconds} long: the tokens they produced
     * (one per step, {@link #tokensPerStep} on average when speculating, or the decoding
     * sequences' mean when their rates differ, so the mean gap is kept).
     */
    private void tokenGaps(double seconds, long stepsTimesSequences) {
        double perStep = acceptance == null || decoding.isEmpty() ? tokensPerStep
                : decodingTokensPerStep / decoding.size();
        if (perStep == 1) {
            // One token a step (no speculation): dividing by 1 and rounding a whole count change
            // nothing, so both are skipped (a division and a rounding at every piece of every stretch).
            listener.tokenGaps(seconds, stepsTimesSequences);
            return;
        }
        listener.tokenGaps(seconds / perStep, Math.round(stepsTimesSequences * perStep));
    }

    /**
     * A sequence starts a decode stretch of {@code tokens} output tokens at the current iteration:
     * one step per token, or under speculative decoding {@code ceil(tokens / tokensPerStep)} steps
     * (at the request's own rate when rates differ), the tokens accepted beyond one a step held in
     * the KV cache from the start.
     */
    private void startDecoding(Sequence s, int tokens) {
        s.tokensPerStep = acceptance == null ? tokensPerStep : acceptance.tokensPerStep(s.request);
        decodingTokensPerStep += acceptance == null ? 0 : s.tokensPerStep;
        long steps = draftTokens == 0 ? tokens : (long) Math.ceil(tokens / s.tokensPerStep);
        s.finishIteration = iteration + steps;
        s.decodeFrom = iteration;
        s.decodeTokens = tokens;
        s.surplusBlocks = draftTokens == 0 ? 0 : kv.blocksFor(tokens - steps);
        kv.allocatePrefill(s.surplusBlocks);
    }

    /** A decode stretch ends after {@code steps} steps that produced {@code tokens}: what the drafter did. */
    private void endDecoding(Sequence s, long steps, long tokens) {
        if (acceptance != null) {
            // cleared once nothing decodes, so that rounding does not pile up
            decodingTokensPerStep = decoding.isEmpty() ? 0 : decodingTokensPerStep - s.tokensPerStep;
        }
        kv.releasePrefill(s.surplusBlocks);
        s.surplusBlocks = 0;
        if (draftTokens > 0 && steps > 0) {
            listener.speculated(s.request, steps * draftTokens, Math.max(0, tokens - steps));
        }
    }

    private void completeFinishedDecodes(double now) {
        while (!decoding.isEmpty() && decoding.firstFinish() <= iteration) {
            Sequence s = decoding.poll();
            requestsInService--;
            endDecoding(s, s.finishIteration - s.decodeFrom, s.decodeTokens);
            kv.removeDecoding(s.decodeOffset + iteration, iteration);
            outstandingTokens -= s.request.totalTokens();
            source.loadChanged(this);
            listener.completed(s.request, pool, s.admittedAt, s.firstTokenAt, now, s.inServiceAtAdmission);
        }
    }

    private void advancePrefills(double now) {
        int i = 0;
        while (i < prefilling.size()) {
            Sequence s = prefilling.get(i);
            if (s.chunk == 0) {
                break;
            }
            s.prefilled += s.chunk;
            prefillHeldTokens += s.chunk;
            s.chunk = 0;
            if (s.prefillRemaining() > 0) {
                i++;
                continue;
            }
            prefilling.remove(i);
            kv.releasePrefill(s.prefillBlocks);
            prefillHeldTokens -= s.prefilled;
            if (role == Role.PREFILL && s.request.outputTokens() > 1) {
                // The client sees its first token when a decode worker has taken the request over.
                prefixCache.insert(s.request.prefix());
                outstandingTokens -= s.request.totalTokens();
                requestsInService--;
                handoff.prefilled(this, s.request, s.admittedAt, s.inServiceAtAdmission, now);
                continue;
            }
            if (Double.isNaN(s.firstTokenAt)) {
                s.firstTokenAt = now;
                prefixCache.insert(s.request.prefix());
                listener.firstToken(s.request, now);
            }
            int generated = s.target - s.request.promptTokens() + 1;
            if (generated >= s.request.outputTokens()) {
                outstandingTokens -= s.request.totalTokens();
                requestsInService--;
                source.loadChanged(this);
                listener.completed(s.request, pool, s.admittedAt, s.firstTokenAt, now, s.inServiceAtAdmission);
                continue;
            }
            long held = s.target + 1L;
            s.decodeOffset = held - iteration;
            kv.addDecoding(held, iteration);
            startDecoding(s, s.request.outputTokens() - generated);
            decoding.add(s);
        }
    }

    private void planStep() {
        double now = sim.now();
        long free = kv.freeBlocksAt(iteration + 1);
        while (free < 0 && inService() > 1) {
            preemptYoungest();
            free = kv.freeBlocksAt(iteration + 1);
        }
        int budget = maxBatchedTokens - (separatePrefill ? 0 : decoding.size());
        int prefillTokens = 0;
        double prefillContext = 0;
        for (int i = 0; i < prefilling.size(); i++) {
            Sequence s = prefilling.get(i);
            int chunk = Math.min(budget, s.prefillRemaining());
            s.chunk = chunk;
            budget -= chunk;
            prefillTokens += chunk;
            prefillContext += StepTimeModel.prefillContext(s.prefilled, chunk);
        }
        boolean holding = holdsPrompts();
        while (!holding && budget > 0 && inService() < maxNumSeqs) {
            Sequence s = admitNext(now, free);
            if (s == null) {
                break;
            }
            if (s.prefillRemaining() == 0) {
                // Its KV arrived from a prefill worker: it decodes from this iteration on.
                free = kv.freeBlocksAt(iteration + 1);
                budget--;
                continue;
            }
            free -= s.prefillBlocks;
            s.chunk = Math.min(budget, s.prefillRemaining());
            budget -= s.chunk;
            prefillTokens += s.chunk;
            prefillContext += StepTimeModel.prefillContext(s.prefilled, s.chunk);
        }
        prefixCache.shrinkTo(Math.max(0, free) * KV_BLOCK_TOKENS);
        double decodeKv = kv.decodingTokensAt(iteration);
        double kvTokens = decodeKv + prefillHeldTokens;
        stepPrefillTokens = prefillTokens;
        prefillOnly = separatePrefill && prefillTokens > 0;
        if (prefillOnly) {
            startStep(now, false, 1, steps.iterationSeconds(prefillTokens, prefillContext, 0, 0, prefillHeldTokens));
        } else if (prefillTokens > 0) {
            startStep(now, false, 1, steps.iterationSeconds(prefillTokens, prefillContext, decoding.size(), decodeKv,
                    kvTokens));
        } else if (!decoding.isEmpty()) {
            long untilFinish = decoding.firstFinish() - iteration;
            long n = Math.min(untilFinish, kv.firstOverflow(iteration, untilFinish) - 1 - iteration);
            if (holding) {
                // re-plan when the held prompts' wait runs out
                n = Math.min(n, heldSince + dpBalanceIterations - iteration);
            }
            if (n <= 0) {
                throw new IllegalStateException("KV cache cannot hold the next token of a lone sequence");
            }
            stepBatch = decoding.size();
            stepKvTokens = kvTokens;
            startStep(now, true, n, steps.decodeSegmentSeconds(stepBatch, kvTokens, n));
        } else {
            stepping = false;
            recentIterationSeconds = 0;
            clock.idleAt(now);
            source.serverIdle(this);
            drained.emptied();
        }
    }

    /**
     * Attention-DP balancing: whether new prompts wait this iteration, as TensorRT-LLM's
     * {@code enable_balance} holds context requests until every rank has one, so that the ranks
     * prefill in the same iterations instead of one rank's prompt stalling all of them in turn.
     * Prompts start once as many wait as there are ranks, once some rank has nothing to decode
     * (fewer decoding sequences than ranks), or once they have waited {@code dpBalanceIterations}
     * iterations. Preempted sequences never wait.
     */
    private boolean holdsPrompts() {
        if (dpBalanceIterations == 0 || !preempted.isEmpty() || !admitting) {
            return false;
        }
        int waiting = source.waiting();
        if (waiting == 0 || waiting >= dpRanks || decoding.size() < dpRanks) {
            heldSince = -1;
            return false;
        }
        if (heldSince < 0) {
            heldSince = iteration;
        }
        if (iteration - heldSince >= dpBalanceIterations) {
            heldSince = -1;
            return false;
        }
        return true;
    }

    /**
     * Takes the next sequence to prefill if {@code freeBlocks} has room for it: preempted ones
     * first, then the pool's queue.
     */
    private Sequence admitNext(double now, long freeBlocks) {
        Sequence resumed = preempted.peek();
        Request fresh = resumed == null && admitting ? source.peek() : null;
        if (resumed == null && (fresh == null || !reservationAllows(fresh))) {
            return null;
        }
        int target = resumed != null ? resumed.target : fresh.promptTokens();
        long blocks = kv.blocksFor(target + 1L);
        if (freeBlocks - watermarkBlocks < blocks && inService() > 0) {
            return null;
        }
        Sequence s;
        if (resumed != null) {
            s = preempted.poll();
            s.order = admissions++;
        } else if (role == Role.DECODE) {
            return takeOver(source.poll(), now);
        } else {
            source.poll();
            s = new Sequence(fresh, now, admissions++);
            outstandingTokens += fresh.totalTokens();
            listener.admitted(fresh, owner);
            if (!fresh.prefix().isEmpty()) {
                s.prefilled = prefixCache.lookup(fresh.prefix(), fresh.promptTokens() - 1);
                s.cachedTokens = s.prefilled;
                prefillHeldTokens += s.prefilled;
            }
            listener.prefixLookup(fresh, s.prefilled);
        }
        s.prefillBlocks = blocks;
        kv.allocatePrefill(blocks);
        prefilling.add(s);
        if (resumed == null) {
            requestsInService++;
            // the requests in service here, itself included
            s.inServiceAtAdmission = inService();
            source.loadChanged(this);
        }
        return s;
    }

    /**
     * A decode worker takes over a request whose prompt's KV cache has arrived: it holds the prompt
     * and the first output token (generated by the prefill worker, shown to the client now) and
     * decodes the rest.
     */
    private Sequence takeOver(Request request, double now) {
        KvHandoff.Admission admitted = handoff.admission(request);
        Sequence s = new Sequence(request, admitted.at(), admissions++);
        s.inServiceAtAdmission = admitted.inService();
        s.prefilled = s.target;
        s.firstTokenAt = now;
        outstandingTokens += request.totalTokens();
        listener.firstToken(request, now);
        long held = s.target + 1L;
        s.decodeOffset = held - iteration;
        kv.addDecoding(held, iteration);
        startDecoding(s, request.outputTokens() - 1);
        decoding.add(s);
        requestsInService++;
        return s;
    }

    /** Frees the KV of the most recently admitted sequence and queues it to be prefilled again. */
    private void preemptYoungest() {
        Sequence youngest = null;
        for (Sequence s : prefilling) {
            if (youngest == null || s.order > youngest.order) {
                youngest = s;
            }
        }
        for (int i = 0; i < decoding.size(); i++) {
            Sequence s = decoding.get(i);
            if (youngest == null || s.order > youngest.order) {
                youngest = s;
            }
        }
        long discarded;
        if (prefilling.remove(youngest)) {
            kv.releasePrefill(youngest.prefillBlocks);
            prefillHeldTokens -= youngest.prefilled;
            discarded = youngest.prefilled;
        } else {
            decoding.remove(youngest);
            long held = youngest.decodeOffset + iteration;
            kv.removeDecoding(held, iteration);
            discarded = held;
            int generated = youngest.generatedAt(iteration, youngest.tokensPerStep);
            endDecoding(youngest, iteration - youngest.decodeFrom,
                    youngest.decodeTokens - (youngest.request.outputTokens() - generated));
            youngest.target = youngest.request.promptTokens() + generated;
        }
        youngest.prefilled = 0;
        youngest.cachedTokens = 0;
        youngest.chunk = 0;
        preempted.addFirst(youngest);
        listener.preempted(youngest.request, pool, discarded);
    }

    private void startStep(double now, boolean decodeOnly, long iterations, double seconds) {
        stepInService = prefilling.size() + decoding.size();
        stepping = true;
        clock.busyAt(now);
        decodeSegment = decodeOnly;
        stepStart = now;
        stepIterations = iterations;
        stepSeconds = seconds;
        sim.setTimer(stepTimer, now + seconds, handlerId, ++generation);
    }
}
