package io.fleetsim.serving;

import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.kernels.KernelSet;
import io.fleetsim.kernels.LogGrid;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Iteration times summed from measured kernels of the pool's engine version and GPU.
 *
 * <pre>
 *   t = engineIteration + engineSequence * sequences + engineToken * promptTokens
 *     + dense(tokens)                       per layer: QKV, O, gate/up, down GEMMs (or the MoE block,
 *                                           shared experts, all-to-all across DP ranks), 2 TP all-reduces
 *     + head(sequences)                     LM head GEMM of the sampled sequences
 *     + prefillAttention(chunk, context)    measured prefill attention, all layers
 *     + a(batch) + c(batch) * decodeKvTokens decode attention, a line in the KV read per batch size
 * </pre>
 *
 * <p>With attention data parallelism ({@link ReplicaMemory#attentionDataParallel} ranks of
 * {@code tensorParallel / dp} GPUs, DeepSeek-style wide expert parallelism) each rank runs its
 * own sequences: the batch is split over the ranks and the busiest rank sets the step (per-rank
 * decode sequences {@code ceil(batch / dp)} with their share of the KV read; prefill prompts
 * {@code ceil(prompts / dp)}, a single prompt or chunk on one rank). Per rank, at its tokens and
 * with its attention tensor parallelism: the attention projections and kernels, its all-reduces
 * (none at attention tp 1), dense layers and shared experts, the all-to-alls that dispatch its
 * tokens to the experts and combine them back, the LM head and the engine's per-sequence and
 * per-token overheads. Once, at the whole step's tokens: the routed experts spread over all the
 * replica's GPUs, with the collectives of experts split by tensor parallelism. So
 *
 * <pre>
 *   t = engineIteration + engineSequence * rankSequences + engineToken * rankPromptTokens
 *     + rank(rankTokens) + routed(tokens) + head(rankSequences)
 *     + prefillAttention(rankChunk, rankContext) + a(rankBatch) + c(rankBatch) * rankDecodeKvTokens
 * </pre>
 *
 * with {@code rank} and {@code routed} precomputed apart; a decode segment stays a line in its
 * iterations (the busiest rank's KV grows by its batch each iteration). With one attention rank,
 * a step of up to {@link #SHARED_EXPERT_OVERLAP_TOKENS} tokens runs its shared experts beside the
 * routed ones (the longer of the two counts); with ranks they add.
 *
 * <p>Everything is precomputed when the pool loads: {@code dense} and {@code head} for every token
 * and sequence count up to the batching limits, prefill attention on a fine log grid of
 * (prompts, length), and the decode-attention line per batch size fitted to the measured latencies
 * over the KV lengths up to {@code max_model_len}. At run time an iteration is a few array reads,
 * and a decode segment (batch fixed, KV growing by the batch each iteration) is a sum of a line:
 * closed form. Tables are made non-decreasing in tokens (the time at {@code m} tokens is at most
 * the time at any larger count: an engine pads to a faster shape, as CUDA-graph capture does).
 */
public final class KernelStepTime implements StepTimeModel {

    /** Largest token count with an exact table entry; beyond it dense time scales linearly. */
    static final int MAX_TABLE_TOKENS = 1 << 18;
    private static final double LOG_STEP = 0.125;
    /** Most query heads per KV head the measured decode kernels run on their memory-bound path. */
    static final int MLA_DECODE_HEADS = MlaDecode.MEASURED_HEADS;
    /**
     * Most tokens of a step whose shared experts overlap the routed ones: the engines run them on
     * a second CUDA stream beside the routed experts (SGLang's dual stream up to 1,024 tokens,
     * vLLM's shared-experts stream, TensorRT-LLM's auxiliary stream) or fuse them into the MoE
     * kernel as one more expert (SGLang's shared-experts fusion); beyond, both are compute-bound
     * and their times add.
     */
    static final int SHARED_EXPERT_OVERLAP_TOKENS = 1024;
    /** Prefill grid steps per unit of natural log. */
    private static final double GRID_STEPS_PER_LOG = 1 / (Math.log(2) * LOG_STEP);

    private final double engineIteration;
    private final double engineSequence;
    private final double engineToken;
    private final double[] dense;
    /** Attention data-parallel ranks (1: none, and {@link #dense} holds every layer). */
    private final int ranks;
    /** With ranks: the routed experts and their collectives, by the whole step's tokens ({@link #dense} is per rank). */
    private final double[] routed;
    private final double[] head;
    private final double[] decodeBase;
    private final double[] decodeSlope;
    private final double[] prefill;
    private final int prefillLengths;
    private final int prefillBatches;
    private final StepTimeProvenance kernels;
    private final StepTimeProvenance provenance;

    private KernelStepTime(Builder b) {
        this(b.performance, b.dense, b.dp, b.routed, b.head, b.decodeBase, b.decodeSlope, b.prefill,
                b.prefillLengths, b.prefillBatches, b.kernelProvenance());
    }

    private KernelStepTime(PerformanceSpec performance, double[] dense, int ranks, double[] routed, double[] head,
                           double[] decodeBase, double[] decodeSlope, double[] prefill, int prefillLengths,
                           int prefillBatches, StepTimeProvenance kernels) {
        this.engineIteration = performance.engineIterationSeconds();
        this.engineSequence = performance.engineSequenceSeconds();
        this.engineToken = performance.engineTokenSeconds();
        this.dense = dense;
        this.ranks = ranks;
        this.routed = routed;
        this.head = head;
        this.decodeBase = decodeBase;
        this.decodeSlope = decodeSlope;
        this.prefill = prefill;
        this.prefillLengths = prefillLengths;
        this.prefillBatches = prefillBatches;
        this.kernels = kernels;
        this.provenance = new StepTimeProvenance(kernels.profile(), kernels.source() + "; engine overheads "
                + String.format(Locale.ROOT, "%.3g ms/iteration + %.3g us/sequence + %.3g us/prompt token",
                engineIteration * 1e3, engineSequence * 1e6, engineToken * 1e6), kernels.fit(), kernels.notes());
    }

    /**
     * The same kernels with the engine overheads of {@code performance}: the precomputed tables
     * depend on the shapes and kernels only, so a fit that varies the overheads shares them.
     *
     * @param standIn null, or why these kernels (another engine's) stand in for the pool's engine
     */
    KernelStepTime withEngineOverheads(PerformanceSpec performance, String standIn) {
        StepTimeProvenance k = kernels;
        if (standIn != null) {
            List<String> notes = new ArrayList<>(k.notes());
            notes.add(0, standIn);
            k = new StepTimeProvenance(k.profile(), k.source(), ProfileFit.EXTRAPOLATED, notes);
        }
        return new KernelStepTime(performance, dense, ranks, routed, head, decodeBase, decodeSlope, prefill,
                prefillLengths, prefillBatches, k);
    }

    /**
     * The kernel model of a replica, or null when the tables lack what it needs (no GEMM of the
     * pool's dtype, no attention of its KV dtype); {@code why} receives the reason.
     */
    static KernelStepTime build(ReplicaMemory memory, BatchingSpec batching, int maxModelLen,
                                PerformanceSpec performance, int expertParallel, KernelIndex.Entry entry,
                                KernelSet tables, List<String> why) {
        return build(memory, batching, maxModelLen, performance, expertParallel, entry, tables, null, why);
    }

    /**
     * As {@link #build(ReplicaMemory, BatchingSpec, int, PerformanceSpec, int, KernelIndex.Entry,
     * KernelSet, List)}, with {@code moeStandIn} (null: none): another engine's measured tables on
     * the same GPU whose fused MoE kernels time the expert blocks {@code tables} did not measure.
     */
    static KernelStepTime build(ReplicaMemory memory, BatchingSpec batching, int maxModelLen,
                                PerformanceSpec performance, int expertParallel, KernelIndex.Entry entry,
                                KernelSet tables, KernelIndex.Entry moeStandIn, List<String> why) {
        return build(memory, batching, maxModelLen, performance, expertParallel, entry, tables, moeStandIn, false,
                why);
    }

    /**
     * As {@link #build(ReplicaMemory, BatchingSpec, int, PerformanceSpec, int, KernelIndex.Entry,
     * KernelSet, KernelIndex.Entry, List)}, for a pool of another engine than the one {@code tables}
     * were measured in when {@code otherEngine}: its all-reduces are then never slower than a larger
     * measured message ({@link #noSlowerThanLarger}), since where the measured engine's all-reduce
     * is slower than at a larger size it is that engine's choice of algorithm, not the pool's.
     */
    static KernelStepTime build(ReplicaMemory memory, BatchingSpec batching, int maxModelLen,
                                PerformanceSpec performance, int expertParallel, KernelIndex.Entry entry,
                                KernelSet tables, KernelIndex.Entry moeStandIn, boolean otherEngine,
                                List<String> why) {
        Builder b = new Builder(memory, batching, maxModelLen, performance, expertParallel, entry, tables,
                moeStandIn, otherEngine);
        String missing = b.missing();
        if (missing != null) {
            why.add(missing);
            return null;
        }
        b.precompute();
        return new KernelStepTime(b);
    }

    @Override
    public double iterationSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double decodeKvTokens,
                                   double kvTokens) {
        if (ranks > 1) {
            return busiestRankSeconds(prefillTokens, prefillContext, decodeSeqs, decodeKvTokens);
        }
        int seqs = decodeSeqs + (prefillTokens > 0 ? 1 : 0);
        double t = engineIteration + engineSequence * seqs + dense(prefillTokens + decodeSeqs) + head(seqs);
        if (prefillTokens > 0) {
            t += engineToken * prefillTokens + prefillAttention(prefillTokens, prefillContext);
        }
        if (decodeSeqs > 0) {
            int b = Math.min(decodeSeqs, decodeBase.length - 1);
            t += (double) decodeSeqs / b * decodeBase[b] + decodeSlope[b] * decodeKvTokens;
        }
        return t;
    }

    /**
     * An iteration of a replica of {@link #ranks} attention ranks: the busiest rank's share of the
     * batch at its own layers, the routed experts at the whole step's tokens.
     */
    private double busiestRankSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double decodeKvTokens) {
        int rankDecode = BusiestRank.sequences(ranks, decodeSeqs);
        int rankPrefill = BusiestRank.prefillTokens(ranks, prefillTokens, prefillContext);
        double rankContext = prefillTokens > 0 ? prefillContext * rankPrefill / prefillTokens : 0;
        int seqs = rankDecode + (rankPrefill > 0 ? 1 : 0);
        double t = engineIteration + engineSequence * seqs + dense(rankPrefill + rankDecode)
                + routed(prefillTokens + decodeSeqs) + head(seqs);
        if (rankPrefill > 0) {
            t += engineToken * rankPrefill + prefillAttention(rankPrefill, rankContext);
        }
        if (rankDecode > 0) {
            int b = Math.min(rankDecode, decodeBase.length - 1);
            t += (double) rankDecode / b * decodeBase[b] + decodeSlope[b] * (decodeKvTokens * rankDecode / decodeSeqs);
        }
        return t;
    }

    @Override
    public double decodeSegmentSeconds(int batch, double kvTokens, long n) {
        if (n <= 0) {
            return 0;
        }
        return segmentSeconds(decodeFirst(batch, kvTokens), decodeGrowth(batch), n);
    }

    /** {@link #decodeSegmentSeconds} from its first iteration and growth (n > 0), the same sum. */
    private static double segmentSeconds(double first, double growth, long n) {
        return n * first + growth * RooflineStepTime.sumOfIndices(n);
    }

    @Override
    public double decodeIterationSeconds(int batch, double kvTokens, long k) {
        return decodeFirst(batch, kvTokens) + decodeGrowth(batch) * k;
    }

    @Override
    public void decodeIterationSeconds(int batch, double kvTokens, long[] ks, int count, double[] out) {
        double first = decodeFirst(batch, kvTokens);
        double growth = decodeGrowth(batch);
        for (int i = 0; i < count; i++) {
            out[i] = first + growth * ks[i];
        }
    }

    /**
     * Solves the segment's quadratic in closed form, then steps to the exact integer answer (at
     * most a step or two, for rounding).
     */
    @Override
    public long decodeIterationsWithin(int batch, double kvTokens, double elapsed, long max) {
        double a = decodeFirst(batch, kvTokens);
        double s = decodeGrowth(batch);
        double guess;
        if (s <= 0) {
            guess = elapsed / a;
        } else {
            double b = a - s / 2;
            guess = (-b + Math.sqrt(b * b + 2 * s * elapsed)) / s;
        }
        long n = (long) Math.max(0, Math.min(max, Math.floor(guess)));
        while (n > 0 && segmentSeconds(a, s, n) > elapsed) {
            n--;
        }
        while (n < max && segmentSeconds(a, s, n + 1) <= elapsed) {
            n++;
        }
        return n;
    }

    /** The first iteration of a decode segment: everything but the KV growth. */
    private double decodeFirst(int batch, double kvTokens) {
        if (ranks > 1) {
            return busiestRankSeconds(0, 0, batch, kvTokens);
        }
        int b = Math.min(batch, decodeBase.length - 1);
        // the same sum, in the same order, as iterationSeconds(0, 0, batch, kvTokens)
        double t = engineIteration + engineSequence * batch + dense(batch) + head(batch);
        return t + ((double) batch / b * decodeBase[b] + decodeSlope[b] * kvTokens);
    }

    /**
     * How much each decode iteration of a segment outlasts the one before: the (busiest rank's)
     * batch's new KV read.
     */
    private double decodeGrowth(int batch) {
        int rank = BusiestRank.sequences(ranks, batch);
        return decodeSlope[Math.min(rank, decodeSlope.length - 1)] * rank;
    }

    @Override
    public StepTimeProvenance provenance() {
        return provenance;
    }

    private double dense(int tokens) {
        if (tokens < dense.length) {
            return dense[tokens];
        }
        int last = dense.length - 1;
        return dense[last] * tokens / last;
    }

    private double routed(int tokens) {
        if (tokens < routed.length) {
            return routed[tokens];
        }
        int last = routed.length - 1;
        return routed[last] * tokens / last;
    }

    private double head(int seqs) {
        if (seqs < head.length) {
            return head[seqs];
        }
        int last = head.length - 1;
        return head[last] * seqs / last;
    }

    /**
     * Prefill attention of {@code tokens} new tokens attending to {@code context} positions in
     * all: timed as {@code B} prompts of length {@code L} from scratch with the same tokens and
     * context (B L = tokens, B L^2 / 2 = context), interpolated on the precomputed log grid.
     */
    private double prefillAttention(int tokens, double context) {
        double length = Math.max(1, 2 * context / tokens);
        double prompts = tokens / length;
        double scale = 1;
        if (prompts < 1) {
            scale = prompts;
            prompts = 1;
        }
        double u = Math.log(length) * GRID_STEPS_PER_LOG;
        double v = Math.log(prompts) * GRID_STEPS_PER_LOG;
        int i = (int) Math.min(Math.floor(u), prefillLengths - 2);
        int j = (int) Math.min(Math.floor(v), prefillBatches - 2);
        double fu = u - i;
        double fv = v - j;
        double extra = 1;
        if (fu > 1) {
            // beyond the grid: attention work grows with the square of the length
            extra *= Math.pow(2, 2 * (fu - 1) * LOG_STEP);
            fu = 1;
        }
        if (fv > 1) {
            extra *= Math.pow(2, (fv - 1) * LOG_STEP);
            fv = 1;
        }
        int at = j * prefillLengths + i;
        double t = (1 - fv) * ((1 - fu) * prefill[at] + fu * prefill[at + 1])
                + fv * ((1 - fu) * prefill[at + prefillLengths] + fu * prefill[at + prefillLengths + 1]);
        return scale * extra * t;
    }

    /**
     * A weight-only GEMM (weights stored at {@code weightBytes} per value, math at 16 bits)
     * from the measured 16-bit GEMM of the same shape, {@code t16}: the 16-bit time less the
     * time the HBM takes to read the weight bytes the narrower format does not hold,
     * {@code n k (2 - weightBytes) / bandwidth}. Memory-bound small batches get faster by up to
     * the byte ratio; compute-bound large ones keep the 16-bit time. Bounded below by
     * {@code t16 * weightBytes / 2} (the time scaled by the byte ratio), in case the measured
     * kernel beat the datasheet bandwidth (weights in L2).
     */
    static double weightOnlyGemm(double t16, double n, double k, double weightBytes, double bandwidth) {
        double saved = n * k * (Precision.ACTIVATION_BYTES - weightBytes) / bandwidth;
        return Math.max(t16 - saved, t16 * weightBytes / Precision.ACTIVATION_BYTES);
    }

    /**
     * The time of one-axis table {@code g} at {@code x}, or the time of a larger measured point
     * where that is faster (NaN when {@code x} is not covered and no larger point is measured).
     */
    static double noSlowerThanLarger(LogGrid g, double x) {
        double t = g.at(x);
        for (double larger : g.axis(0)) {
            double u = larger > x ? g.at(larger) : Double.NaN;
            if (!Double.isNaN(u) && !(t <= u)) {
                t = u;
            }
        }
        return t;
    }

    /** Resolves the model's kernel shapes against the tables and fills the precomputed arrays. */
    private static final class Builder {
        final ReplicaMemory memory;
        final LlmModel model;
        final BatchingSpec batching;
        final int maxModelLen;
        final PerformanceSpec performance;
        final KernelIndex.Entry entry;
        final KernelSet tables;
        /** Another engine's tables on this GPU for MoE blocks {@link #tables} lack; null: none. */
        final KernelIndex.Entry moeStandIn;
        /** The pool runs another engine than the one {@link #tables} were measured in. */
        final boolean otherEngine;
        /** GPUs of one attention rank (the replica's, without attention data parallelism). */
        final int tp;
        /** Attention data-parallel ranks. */
        final int dp;
        /** The replica's GPUs: the routed experts' ({@code tp * dp}). */
        final int gpus;
        final int ep;
        /** Expected largest of {@code ep} standard normals: the busiest expert GPU's excess load. */
        final double busiestExpertZ;
        final String gemmDtype;
        final String kvDtype;
        /** A dense model at a weight-only format: every linear layer but the LM head is w4a16. */
        final boolean weightOnlyLayers;
        final Set<String> notes = new LinkedHashSet<>();
        /** The measured unsharded MoE shapes {@link #fusedMoeRatio} scales by; null until asked. */
        List<KernelSet.MoeShape> fusedShapes;
        /** The tables of {@link #fusedShapes}, in their order. */
        List<LogGrid> fusedGrids;
        boolean extrapolated;
        double[] dense;
        double[] routed;
        double[] head;
        double[] decodeBase;
        double[] decodeSlope;
        double[] prefill;
        int prefillLengths;
        int prefillBatches;
        final List<AttentionGroup> attention = new ArrayList<>();

        /**
         * Layers sharing one attention kernel shape, with a scale for an approximated shape: of the
         * whole prefill kernel, of the decode kernel's KV read (its fixed cost is the measured one's).
         */
        record AttentionGroup(int layers, LogGrid context, double contextScale, LogGrid decode, double decodeScale) {
        }

        Builder(ReplicaMemory memory, BatchingSpec batching, int maxModelLen, PerformanceSpec performance,
                int expertParallel, KernelIndex.Entry entry, KernelSet tables, KernelIndex.Entry moeStandIn,
                boolean otherEngine) {
            this.ep = expertParallel;
            this.otherEngine = otherEngine;
            this.busiestExpertZ = BusiestExpertGpu.expectedMaxOfNormals(expertParallel);
            this.moeStandIn = moeStandIn;
            this.memory = memory;
            this.model = memory.model();
            this.batching = batching;
            this.maxModelLen = maxModelLen;
            this.performance = performance;
            this.entry = entry;
            this.tables = tables;
            this.tp = memory.attentionTensorParallel();
            this.dp = memory.attentionDataParallel();
            this.gpus = memory.tensorParallel();
            this.gemmDtype = gemmDtype(memory.precision());
            this.kvDtype = memory.kvBytesPerValue() >= 2 ? "bfloat16" : "fp8";
            this.weightOnlyLayers = model.moe() == null && memory.precision().weightOnlyOn(memory.gpu());
        }

        /**
         * The GEMM dtype of the dense layers (mxfp4 and int4 weight-only quantise only the routed
         * experts; attention, shared experts, dense layers and the LM head stay 16-bit).
         */
        static String gemmDtype(Precision p) {
            return switch (p) {
                case BF16, MXFP4, INT4_WO -> "bfloat16";
                case FP8 -> "fp8";
                case FP8_BLOCK -> "fp8_block";
                case FP4 -> "nvfp4";
            };
        }

        /** The MoE kernel dtype of the routed experts. */
        static String moeDtype(Precision p) {
            return switch (p) {
                case MXFP4 -> "w4a16_mxfp4";
                case INT4_WO -> "int4_wo";
                default -> gemmDtype(p);
            };
        }

        String missing() {
            if (!model.hasKernelShape()) {
                return "the catalog gives no intermediate_size / vocab_size for " + model.name();
            }
            if (tables.gemm(gemmDtype) == null) {
                return "no " + gemmDtype + " GEMM tables for " + entry.directory();
            }
            if (tables.contextShapes(kvDtype).isEmpty() || tables.generationShapes(kvDtype).isEmpty()) {
                return "no attention tables with a " + kvDtype + " KV cache for " + entry.directory();
            }
            return null;
        }

        /** Where the kernel times come from (the engine overheads are added by the model). */
        StepTimeProvenance kernelProvenance() {
            String profile = String.format(Locale.ROOT, "%s %s kernels on %s, %s weights, %s KV, tp %d%s",
                    entry.engine(), entry.version(), entry.system(), memory.precision().id(), memory.kvCache().id(), tp,
                    (dp > 1 ? ", attention dp " + dp : "") + (ep > 1 ? ", ep " + ep : ""));
            return new StepTimeProvenance(profile, "kernels/" + entry.directory()
                    + " (measured, ai-dynamo/aiconfigurator 095f58a, Apache-2.0)",
                    extrapolated ? ProfileFit.EXTRAPOLATED : ProfileFit.CALIBRATED, List.copyOf(notes));
        }

        void precompute() {
            int maxTokens = Math.min(MAX_TABLE_TOKENS, batching.maxBatchedTokens() + batching.maxNumSeqs() + 1);
            dense = new double[maxTokens + 1];
            for (int m = 1; m <= maxTokens; m++) {
                dense[m] = layersSeconds(m, true, dp == 1);
            }
            envelope(dense);
            if (dp > 1) {
                notes.add("attention data parallelism: " + dp + " ranks of tp " + tp + ", the busiest rank's share of "
                        + "the batch sets the step; routed experts over all " + gpus + " GPUs at the whole step's tokens");
                routed = new double[maxTokens + 1];
                for (int m = 1; m <= maxTokens; m++) {
                    routed[m] = layersSeconds(m, false, true);
                }
                envelope(routed);
            }
            int maxSeqs = batching.maxNumSeqs() + 2;
            head = new double[maxSeqs + 1];
            for (int s = 1; s <= maxSeqs; s++) {
                head[s] = gemm(s, model.vocabSize() / (double) tp, model.hiddenSize());
            }
            envelope(head);
            resolveAttention();
            decodeBase = new double[maxSeqs + 1];
            decodeSlope = new double[maxSeqs + 1];
            double state = model.linearAttention() == null ? 0 : linearStateSecondsPerSequence();
            for (int b = 1; b <= maxSeqs; b++) {
                fitDecodeLine(b);
                if (state > 0) {
                    decodeBase[b] += b * state;
                }
            }
            precomputePrefill();
        }

        /** Makes {@code v} non-decreasing from index 1 on: each entry at most every later one. */
        static void envelope(double[] v) {
            for (int i = v.length - 2; i >= 1; i--) {
                v[i] = Math.min(v[i], v[i + 1]);
            }
        }

        /**
         * Every layer at {@code m} tokens: with {@code rank}, what one attention rank runs on its
         * own tokens (attention, its all-reduces, dense layers, shared experts); with
         * {@code routedExperts}, the routed-expert blocks and their collectives.
         */
        double layersSeconds(int m, boolean rank, boolean routedExperts) {
            int h = model.hiddenSize();
            int layers = model.layers();
            double total = 0;
            if (rank) {
                double perLayer = attentionProjections(m);
                if (tp > 1) {
                    perLayer += 2 * allReduce(m * (double) h);
                }
                total = perLayer * model.attentionLayers();
                LlmModel.LinearAttention linear = model.linearAttention();
                if (linear != null) {
                    double linearLayer = linearAttentionLayer(m, linear);
                    if (tp > 1) {
                        linearLayer += 2 * allReduce(m * (double) h);
                    }
                    total += linearLayer * linear.layers();
                }
            }
            LlmModel.MoeLayers moe = model.moe();
            int denseLayers = moe == null ? layers : Math.min(layers, moe.denseLayers());
            if (rank) {
                total += denseLayers * ffn(m, model.intermediateSize());
            }
            if (moe != null) {
                double moeLayer = routedExperts ? moeBlock(m, moe) : 0;
                if (rank && moe.sharedExperts() > 0) {
                    double shared = ffn(m, moe.sharedExperts() * moe.expertIntermediateSize());
                    if (routedExperts && m <= SHARED_EXPERT_OVERLAP_TOKENS) {
                        notes.add("shared experts run beside the routed experts up to " + SHARED_EXPERT_OVERLAP_TOKENS
                                + " tokens (a second CUDA stream or fused in the MoE kernel): the longer of the two");
                        moeLayer = Math.max(moeLayer, shared);
                    } else {
                        moeLayer += shared;
                    }
                }
                total += (layers - denseLayers) * moeLayer;
                if (rank && dp > 1 && ep > 1) {
                    total += (layers - denseLayers) * dispatchAndCombine(m, moe);
                }
            }
            return total;
        }

        /**
         * One MoE layer's two all-to-alls (dispatch, combine) under attention data parallelism, for
         * a rank of {@code m} tokens: each rank sends its own tokens' top-k copies, so the exchange
         * lasts as long as the busiest rank's sends, at that rank's share of the step, not the
         * whole step's (a collective's message is one rank's send buffer, as nccl-tests time it).
         */
        double dispatchAndCombine(int m, LlmModel.MoeLayers moe) {
            notes.add("expert parallelism across attention data-parallel ranks: two all-to-alls (dispatch, "
                    + "combine) per MoE layer of the busiest rank's tokens' top-k copies");
            return 2 * collective("alltoall", ep, m * (double) moe.topK() * model.hiddenSize());
        }

        double attentionProjections(int m) {
            int h = model.hiddenSize();
            double heads = model.attentionHeads() / (double) tp;
            LlmModel.LatentAttention mla = model.mla();
            if (mla != null) {
                double qk = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
                double t = mla.qLoraRank() > 0
                        ? gemm(m, mla.qLoraRank(), h) + gemm(m, heads * qk, mla.qLoraRank())
                        : gemm(m, heads * qk, h);
                t += gemm(m, mla.kvLoraRank() + mla.qkRopeHeadDim(), h);
                t += gemm(m, heads * (mla.qkNopeHeadDim() + mla.vHeadDim()), mla.kvLoraRank());
                t += gemm(m, h, heads * mla.vHeadDim());
                LlmModel.SparseAttention dsa = model.sparseAttention();
                if (dsa != null) {
                    // the indexer's query, key and head-weight projections, replicated on every GPU
                    t += gemm(m, dsa.indexHeads() * (double) dsa.indexHeadDim(),
                            mla.qLoraRank() > 0 ? mla.qLoraRank() : h);
                    t += gemm(m, dsa.indexHeadDim(), h) + gemm(m, dsa.indexHeads(), h);
                }
                return t;
            }
            double kvHeads = Math.max(1, model.kvHeads() / (double) tp);
            int d = model.headDim();
            // a gated attention's query projection also produces the output gate, one per query value
            double queries = model.attentionOutputGate() ? 2 * heads : heads;
            return layer(m, (queries + 2 * kvHeads) * d, h) + layer(m, h, heads * d);
        }

        /**
         * A GEMM of a transformer layer's weights: {@link #gemm}, or for a dense model at a
         * weight-only format {@link KernelStepTime#weightOnlyGemm} (a mixture-of-experts model's
         * weight-only format quantises its routed experts only).
         */
        double layer(double m, double n, double k) {
            if (!weightOnlyLayers) {
                return gemm(m, n, k);
            }
            notes.add("weight-only " + memory.precision().id() + " GEMMs: 16-bit GEMM time less the weight bytes not read");
            return weightOnlyGemm(gemm(m, n, k), n, k, memory.precision().weightBytesPerValue(),
                    memory.gpu().memoryBandwidthBytesPerSecond());
        }

        /**
         * One linear-attention (Gated DeltaNet) layer on {@code m} tokens: its input and output
         * projections split by tensor parallelism, measured GEMMs, and the recurrence, timed at
         * the GPU's 16-bit datasheet peak (no kernel table measures it; flagged).
         */
        double linearAttentionLayer(int m, LlmModel.LinearAttention linear) {
            int h = model.hiddenSize();
            flag("linear-attention recurrence timed by the roofline at the 16-bit peak (FLOPs) and the HBM "
                    + "bandwidth (state read and written per decoding sequence); no kernel table measures it");
            double recurrence = m * linear.recurrenceFlopsPerToken() / tp / memory.gpu().bf16FlopsPerSecond();
            return layer(m, linear.inputProjectionWidth() / (double) tp, h)
                    + layer(m, h, linear.outputProjectionWidth() / (double) tp) + recurrence;
        }

        /**
         * Reading and writing one sequence's recurrent state on every linear-attention layer, per
         * decode iteration, at the datasheet HBM bandwidth (the state is split by tensor parallelism).
         */
        double linearStateSecondsPerSequence() {
            return 2 * model.stateBytesPerSequence() / tp / memory.gpu().memoryBandwidthBytesPerSecond();
        }

        double ffn(int m, int intermediate) {
            int h = model.hiddenSize();
            return layer(m, 2.0 * intermediate / tp, h) + layer(m, h, intermediate / (double) tp);
        }

        /**
         * A routed-expert block: the measured MoE kernel of the model's expert shape when the
         * tables have it, otherwise (flagged) one grouped GEMM over the experts a batch of {@code m}
         * tokens is expected to read, each on its share of the routed tokens, ending when the
         * busiest expert GPU ends ({@link BusiestExpertGpu}).
         *
         * <p>Only attention data parallelism moves tokens between GPUs: with one attention rank
         * every GPU already holds the step's tokens and the layer's all-reduce sums the experts'
         * partial outputs (as TensorRT-LLM, vLLM and SGLang run expert parallelism inside tensor
         * parallelism), so the dispatch and combine all-to-alls are paid only with ranks, by each
         * rank at its own tokens ({@link #dispatchAndCombine}).
         */
        double moeBlock(int m, LlmModel.MoeLayers moe) {
            int h = model.hiddenSize();
            double exchange = 0;
            if (ep > 1 && dp == 1) {
                notes.add("expert parallelism inside tensor-parallel attention: every GPU holds the step's tokens "
                        + "and the layer's all-reduce sums the experts' outputs, no all-to-all");
            }
            int moeTp = gpus / ep;
            if (dp > 1 && moeTp > 1) {
                // experts split by tensor parallelism across the ranks: every GPU of a split gathers the
                // ranks' tokens and the partial outputs are reduce-scattered back
                notes.add("attention data parallelism with experts split by TP over " + moeTp + " GPUs: an all-gather "
                        + "and a reduce-scatter of the step's tokens per MoE layer");
                exchange += collective("all_gather", moeTp, m * (double) h)
                        + collective("reduce_scatter", moeTp, m * (double) h);
            }
            String dtype = moeDtype(memory.precision());
            KernelSet.MoeShape want = new KernelSet.MoeShape(dtype, h, moe.expertIntermediateSize(), moe.topK(),
                    moe.experts(), moeTp, ep);
            double measured = moeMeasured(want, m);
            String sibling = fp8Sibling(dtype);
            if (sibling != null) {
                double other = moeMeasured(new KernelSet.MoeShape(sibling, h, moe.expertIntermediateSize(),
                        moe.topK(), moe.experts(), moeTp, ep), m);
                // the fastest measured fp8 kernel, as for GEMMs
                measured = Double.isNaN(measured) ? other : Double.isNaN(other) ? measured : Math.min(measured, other);
            }
            if (!Double.isNaN(measured)) {
                return measured + exchange;
            }
            notes.add("MoE block " + want + " not measured: timed as one grouped GEMM over the expected distinct experts");
            double grouped = groupedExperts(m, h, moe.expertIntermediateSize(), moe.topK(), moe.experts(), moeTp, ep);
            if (ep > 1) {
                notes.add("grouped-GEMM experts wait for the busiest of " + ep + " expert GPUs (uniform routing)");
            }
            return exchange + grouped * fusedMoeRatio(dtype, m)
                    * BusiestExpertGpu.loadFactor(m, moe.topK(), moe.experts(), ep, busiestExpertZ);
        }

        /**
         * Routed experts of one MoE layer as one grouped GEMM on one of {@code expertGpus} expert GPUs:
         * the experts a batch of {@code m} tokens is expected to read (uniform routing), each on its
         * share of the tokens.
         */
        double groupedExperts(int m, int h, int inter, int topK, int experts, int moeTp, int expertGpus) {
            double distinct = LlmModel.MoeLayers.expectedDistinctExperts(experts, topK, m);
            double tokensPerExpert = Math.max(1, m * (double) topK / distinct);
            // Engines run the experts as one grouped GEMM, not one launch per expert: time it as a
            // single GEMM with the experts side by side, which has the same FLOPs and weight bytes.
            double onGpu = distinct / expertGpus;
            return expertGemm(tokensPerExpert, onGpu * 2.0 * inter / moeTp, h)
                    + expertGemm(tokensPerExpert, onGpu * h, inter / (double) moeTp);
        }

        /**
         * How much faster the fused MoE kernels of {@code dtype} measured on this GPU run than the
         * grouped GEMM built from dense GEMMs at {@code m} tokens: the geometric mean, over the
         * measured unsharded shapes (MoE tp 1, ep 1), of measured over grouped-GEMM time (1 when no
         * shape of the dtype is measured, and for dtypes other than nvfp4). A fused kernel streams the
         * experts' weights in one launch and its measurement routes tokens by a power law, which reads
         * fewer distinct experts than uniform routing; the dense GEMM tables pay a launch floor per
         * piece of at most 65,536 columns. On B200 nvfp4 the ratio is 0.5-0.7 from 8 to 256 tokens
         * for 5 of 6 shapes.
         */
        double fusedMoeRatio(String dtype, int m) {
            if (!dtype.equals("nvfp4")) {
                // the other dtypes' ratios were not checked shape by shape; applied to fp8 they made
                // MiniMax-M2.5 on H200 4x too slow in cross-validation (TPOT 18 % -> 298 %)
                return 1;
            }
            if (fusedShapes == null) {
                // found once per pool: the ratio is asked at every token count of the tables
                KernelSet source = tables.moeShapes().isEmpty() && moeStandIn != null
                        ? KernelIndex.builtIn().tables(moeStandIn) : tables;
                fusedShapes = new ArrayList<>();
                fusedGrids = new ArrayList<>();
                for (KernelSet.MoeShape s : source.moeShapes()) {
                    if (s.dtype().equals(dtype) && s.tp() == 1 && s.ep() == 1) {
                        fusedShapes.add(s);
                        fusedGrids.add(source.moe(s));
                    }
                }
            }
            double logSum = 0;
            int count = 0;
            for (int i = 0; i < fusedShapes.size(); i++) {
                KernelSet.MoeShape s = fusedShapes.get(i);
                LogGrid grid = fusedGrids.get(i);
                int at = (int) Math.min(m, grid.max(0));
                double measured = grid.at(at);
                double grouped = groupedExperts(at, s.hidden(), s.inter(), s.topK(), s.experts(), 1, 1);
                if (measured > 0 && grouped > 0) {
                    logSum += Math.log(measured / grouped);
                    count++;
                }
            }
            if (count == 0) {
                return 1;
            }
            notes.add("grouped-GEMM experts scaled by the measured fused " + dtype + " MoE kernels of " + count
                    + " other shapes on this GPU over their grouped-GEMM times (geometric mean, by token count)");
            return Math.exp(logSum / count);
        }

        /**
         * A GEMM of the routed experts: {@link #gemm} at the pool's dtype, or for weight-only
         * 4-bit experts (w4a16) {@link #weightOnlyGemm}.
         */
        double expertGemm(double m, double n, double k) {
            Precision p = memory.precision();
            if (!p.weightOnlyOn(memory.gpu())) {
                return gemm(m, n, k);
            }
            notes.add("weight-only " + p.id() + " expert GEMMs: 16-bit GEMM time less the weight bytes not read");
            return weightOnlyGemm(gemm(m, n, k), n, k, p.weightBytesPerValue(), memory.gpu().memoryBandwidthBytesPerSecond());
        }


        /** The measured MoE block of {@code shape} at {@code m} tokens, NaN when not measured. */
        double moeMeasured(KernelSet.MoeShape shape, int m) {
            LogGrid grid = tables.moe(shape);
            if (grid == null && moeStandIn != null) {
                // Fused MoE kernels are the GPU's libraries (CUTLASS, FlashInfer, TensorRT-LLM's own
                // kernels, which vLLM and SGLang also call): another engine's measured kernel of the
                // same shape on the same GPU is nearer the truth than a grouped GEMM built from GEMMs.
                grid = KernelIndex.builtIn().tables(moeStandIn).moe(shape);
                if (grid != null) {
                    notes.add("MoE block " + shape + " not in " + entry.engine() + " " + entry.version()
                            + "'s tables: " + moeStandIn.engine() + " " + moeStandIn.version()
                            + "'s measured kernel on this GPU stands in");
                }
            }
            if (grid == null) {
                return Double.NaN;
            }
            if (m > grid.max(0)) {
                flag("MoE block beyond " + (int) grid.max(0) + " tokens scaled linearly");
                return grid.at(grid.max(0)) * m / grid.max(0);
            }
            return grid.at(m);
        }

        /**
         * An NCCL collective of {@code elements} 16-bit values over {@code gpus} GPUs (expert
         * parallelism's dispatch and combine: each token's top-k copies), scaled linearly beyond the
         * largest measured message, the datasheet interconnect where none was measured (flagged).
         */
        double collective(String op, int gpus, double elements) {
            LogGrid g = tables.collective(op, gpus);
            if (g == null) {
                flag("no " + op + " measured over " + gpus + " GPUs: datasheet interconnect bandwidth used");
                return elements * Precision.ACTIVATION_BYTES / memory.gpu().interconnectBytesPerSecond();
            }
            if (elements > g.max(0)) {
                flag(op + " messages beyond " + (int) g.max(0) + " elements scaled linearly");
                return g.at(g.max(0)) * elements / g.max(0);
            }
            return g.at(Math.max(elements, g.axis(0)[0]));
        }

        /**
         * One GEMM on one GPU, at the fastest of the measured kernels of the pool's fp8 family
         * (per-tensor and block-scaled fp8 are timed apart, by different kernels; an engine picks
         * per shape among those it has, and block scaling costs the fastest kernels no more).
         */
        double gemm(double m, double n, double k) {
            double t = gemmOf(gemmDtype, m, n, k);
            String sibling = fp8Sibling(gemmDtype);
            if (sibling != null && tables.gemm(sibling) != null) {
                t = Math.min(t, gemmOf(sibling, m, n, k));
            }
            return t;
        }

        /** The other fp8 format of {@code dtype}, or null when it is not an fp8 format. */
        static String fp8Sibling(String dtype) {
            return switch (dtype) {
                case "fp8" -> "fp8_block";
                case "fp8_block" -> "fp8";
                default -> null;
            };
        }

        /** One GEMM of {@code dtype}; sizes beyond the measured ones are split, below them clamped (noted). */
        double gemmOf(String dtype, double m, double n, double k) {
            LogGrid g = tables.gemm(dtype);
            double nMax = g.max(1);
            double kMax = g.max(2);
            double pieces = 1;
            if (n > nMax) {
                double split = Math.ceil(n / nMax);
                pieces *= split;
                n /= split;
            }
            if (k > kMax) {
                double split = Math.ceil(k / kMax);
                pieces *= split;
                k /= split;
            }
            double nMin = g.axis(1)[0];
            double kMin = g.axis(2)[0];
            if (n < nMin || k < kMin) {
                notes.add(String.format(Locale.ROOT, "GEMMs narrower than the measured %d x %d timed at that size",
                        (int) nMin, (int) kMin));
                n = Math.max(n, nMin);
                k = Math.max(k, kMin);
            }
            double mMax = g.max(0);
            if (m > mMax) {
                flag("GEMMs beyond " + (int) mMax + " tokens scaled linearly");
                return pieces * g.at(mMax, n, k) * m / mMax;
            }
            double t = g.at(Math.max(1, m), n, k);
            if (Double.isNaN(t)) {
                // not measured this small: the smallest measured token count bounds it from above
                for (double mm : g.axis(0)) {
                    t = g.at(Math.max(mm, m), n, k);
                    if (!Double.isNaN(t)) {
                        notes.add("GEMMs below the smallest measured token count timed at it");
                        break;
                    }
                }
            }
            return pieces * t;
        }

        /**
         * A 16-bit all-reduce of {@code elements} over the pool's GPUs: the engine's own or NCCL, the
         * faster. For a pool of another engine, also never slower than a larger measured message:
         * vLLM's custom all-reduce on 8 B200s takes 26 us at 131,072 and 262,144 elements and 17 us at
         * 524,288, where it changes algorithm; SGLang there runs FlashInfer's all-reduce, which picks
         * its own algorithm by size.
         */
        double allReduce(double elements) {
            double best = Double.NaN;
            for (String op : new String[]{"custom", "all_reduce"}) {
                LogGrid g = tables.collective(op, tp);
                if (g != null && elements <= g.max(0)) {
                    double t = g.at(elements);
                    if (otherEngine) {
                        notes.add("all-reduces measured in " + entry.engine() + ": each no slower than a larger "
                                + "measured message (the pool's engine picks its own algorithm by size)");
                        t = noSlowerThanLarger(g, elements);
                    }
                    best = Double.isNaN(best) ? t : Math.min(best, t);
                }
            }
            if (!Double.isNaN(best)) {
                return best;
            }
            LogGrid g = tables.collective("all_reduce", tp);
            if (g == null) {
                g = tables.collective("custom", tp);
            }
            if (g != null) {
                flag("all-reduce messages beyond " + (int) g.max(0) + " elements scaled linearly");
                return g.at(g.max(0)) * elements / g.max(0);
            }
            // No measurement at this GPU count: ring all-reduce bandwidth term at the datasheet interconnect.
            flag("no all-reduce measured over " + tp + " GPUs: datasheet interconnect bandwidth used");
            return 2.0 * (tp - 1) / tp * elements * Precision.ACTIVATION_BYTES
                    / memory.gpu().interconnectBytesPerSecond();
        }

        void flag(String note) {
            notes.add(note);
            extrapolated = true;
        }

        void resolveAttention() {
            int heads = Math.max(1, model.attentionHeads() / tp);
            LlmModel.LatentAttention mla = model.mla();
            LlmModel.SlidingWindow sw = model.slidingWindow();
            int attentionLayers = model.attentionLayers();
            int windowLayers = sw == null ? 0 : Math.min(attentionLayers, sw.layers());
            if (mla != null) {
                // Prefill runs as multi-head attention over the decompressed keys; decode reads the latent.
                KernelSet.AttentionShape ctx = new KernelSet.AttentionShape(kvDtype, 0, heads, heads,
                        mla.qkNopeHeadDim() + mla.qkRopeHeadDim());
                // The tables hold GQA decode kernels, no MLA one; those leave their memory-bound path
                // beyond MLA_DECODE_HEADS query heads per KV head (B200: 17 us at 32 heads, 2.2 ms at
                // 128, batch 32 at 4k tokens), where an MLA kernel (FlashMLA, TensorRT-LLM's) still
                // runs all its heads over one read of the latent. So decode is timed as the measured
                // kernel of at most that many heads reading the latent once, stretched by the share
                // of the heads' FLOPs beyond what the latent read hides (MlaDecode). A GQA kernel reads a
                // key and a value per KV head and token, the MLA kernel the latent once (its value is
                // part of the latent): the GQA shape of the latent's bytes has one KV head of half its width.
                KernelSet.AttentionShape gen = new KernelSet.AttentionShape(kvDtype, 0,
                        Math.min(heads, MLA_DECODE_HEADS), 1, mlaDecodeHeadDim(mla));
                KernelSet.AttentionShape measuredCtx = nearest(tables.contextShapes(ctx.kvDtype()), ctx);
                KernelSet.AttentionShape measuredGen = nearest(tables.generationShapes(gen.kvDtype()), gen);
                MlaDecode decode = MlaDecode.of(mla, memory.kvBytesPerValue(), measuredCtx,
                        tables.contextAttention(measuredCtx), measuredGen, tables.generationAttention(measuredGen));
                double stretch = decode.stretch(heads);
                if (heads > MLA_DECODE_HEADS) {
                    flag(String.format(Locale.ROOT, "MLA decode of %d heads per GPU timed as the measured %d-head "
                            + "decode kernel reading the latent once, x %.3g for the heads' FLOPs (no MLA decode kernel "
                            + "measured; %s)", heads, gen.heads(), stretch, decode.describe()));
                }
                addGroup(attentionLayers, ctx, gen, stretch);
                LlmModel.SparseAttention dsa = model.sparseAttention();
                if (dsa != null) {
                    // The indexer scores every cached token: a multi-query attention of its heads over
                    // its one cached key, on every GPU. The attention itself is timed dense (every
                    // token, exact up to index_topk of context, an upper bound beyond).
                    flag("sparse attention timed as dense MLA attention over all cached tokens plus its indexer as "
                            + "multi-query attention (exact below " + dsa.topK() + " tokens of context, slower beyond)");
                    KernelSet.AttentionShape index = new KernelSet.AttentionShape(kvDtype, 0, dsa.indexHeads(), 1,
                            dsa.indexHeadDim());
                    addGroup(attentionLayers, index, index);
                }
                return;
            }
            int kvHeads = Math.max(1, model.kvHeads() / tp);
            int d = model.headDim();
            if (windowLayers > 0) {
                KernelSet.AttentionShape w = new KernelSet.AttentionShape(kvDtype, sw.tokens(), heads, kvHeads, d);
                addGroup(windowLayers, w, w);
            }
            if (attentionLayers > windowLayers) {
                KernelSet.AttentionShape full = new KernelSet.AttentionShape(kvDtype, 0, heads, kvHeads, d);
                addGroup(attentionLayers - windowLayers, full, full);
            }
        }

        /**
         * The head dimension of a one-KV-head GQA decode kernel reading as many bytes per cached token
         * as MLA decode reads of its latent: half the latent's values (GQA reads a key and a value).
         */
        static int mlaDecodeHeadDim(LlmModel.LatentAttention mla) {
            return (mla.cachedValuesPerLayer() + 1) / 2;
        }

        void addGroup(int layers, KernelSet.AttentionShape ctx, KernelSet.AttentionShape gen) {
            addGroup(layers, ctx, gen, 1);
        }

        /** A group whose decode attention takes {@code decodeCalls} times the {@code gen} kernel. */
        void addGroup(int layers, KernelSet.AttentionShape ctx, KernelSet.AttentionShape gen, double decodeCalls) {
            // nearest() keeps the shapes of the wanted KV dtype only: parse no other
            KernelSet.AttentionShape c = nearest(tables.contextShapes(ctx.kvDtype()), ctx);
            KernelSet.AttentionShape g = nearest(tables.generationShapes(gen.kvDtype()), gen);
            // Prefill attention is compute-bound (work ~ heads x head_dim); decode reads the KV
            // cache (bytes ~ KV heads x head_dim).
            double cs = (double) ctx.heads() * ctx.headDim() / (c.heads() * (double) c.headDim());
            double gs = (double) gen.kvHeads() * gen.headDim() / (g.kvHeads() * (double) g.headDim());
            if (!c.equals(ctx)) {
                flag("prefill attention " + describe(ctx) + " not measured: " + describe(c) + " scaled by "
                        + String.format(Locale.ROOT, "%.3g", cs));
            }
            if (!g.equals(gen)) {
                flag("decode attention " + describe(gen) + " not measured: " + describe(g) + ", its KV read scaled by "
                        + String.format(Locale.ROOT, "%.3g", gs));
            }
            attention.add(new AttentionGroup(layers, tables.contextAttention(c), cs, tables.generationAttention(g),
                    gs * decodeCalls));
        }

        static String describe(KernelSet.AttentionShape s) {
            return String.format(Locale.ROOT, "%d/%d heads x %d%s", s.heads(), s.kvHeads(), s.headDim(),
                    s.window() > 0 ? " window " + s.window() : "");
        }

        /** The measured shape of the same KV dtype (and window, when measured) closest in log distance. */
        KernelSet.AttentionShape nearest(List<KernelSet.AttentionShape> shapes, KernelSet.AttentionShape want) {
            KernelSet.AttentionShape best = null;
            double bestScore = Double.MAX_VALUE;
            boolean windowMeasured = shapes.stream().anyMatch(s -> s.kvDtype().equals(want.kvDtype())
                    && s.window() == want.window());
            for (KernelSet.AttentionShape s : shapes) {
                if (!s.kvDtype().equals(want.kvDtype()) || s.window() != (windowMeasured ? want.window() : 0)) {
                    continue;
                }
                double score = Math.abs(Math.log((double) s.heads() / want.heads()))
                        + Math.abs(Math.log((double) s.kvHeads() / want.kvHeads()))
                        + 2 * Math.abs(Math.log((double) s.headDim() / want.headDim()));
                if (score < bestScore || score == bestScore && compare(s, best) < 0) {
                    best = s;
                    bestScore = score;
                }
            }
            return best;
        }

        static int compare(KernelSet.AttentionShape a, KernelSet.AttentionShape b) {
            return a.toString().compareTo(b.toString());
        }

        /** Latency at (batch, x), scaling linearly in batch from the largest measured batch below it. */
        static double atBatch(LogGrid g, double batch, double x) {
            double[] batches = g.axis(0);
            double v = batch <= batches[batches.length - 1] ? g.at(batch, x) : Double.NaN;
            for (int i = batches.length - 1; Double.isNaN(v) && i >= 0; i--) {
                if (batches[i] <= batch) {
                    double w = g.at(batches[i], x);
                    if (!Double.isNaN(w)) {
                        v = w * batch / batches[i];
                    }
                }
            }
            return v;
        }

        /**
         * Decode attention of {@code b} sequences as a line in the KV tokens they read, fitted by
         * relative least squares to the measured latencies at every measured KV length up to
         * {@code max_model_len}.
         */
        void fitDecodeLine(int b) {
            double a = 0;
            double c = 0;
            for (AttentionGroup group : attention) {
                LogGrid g = group.decode();
                double sw = 0;
                double sx = 0;
                double sy = 0;
                double sxx = 0;
                double sxy = 0;
                for (double s : g.axis(1)) {
                    if (s > maxModelLen) {
                        break;
                    }
                    double y = atBatch(g, b, s);
                    if (Double.isNaN(y)) {
                        continue;
                    }
                    double x = s * b;
                    double w = 1 / (y * y);
                    sw += w;
                    sx += w * x;
                    sy += w * y;
                    sxx += w * x * x;
                    sxy += w * x * y;
                }
                double det = sw * sxx - sx * sx;
                double slope = det > 0 ? Math.max(0, (sw * sxy - sx * sy) / det) : 0;
                double intercept = sw > 0 ? Math.max(0, (sy - slope * sx) / sw) : 0;
                // An approximated shape scales the KV read, not the kernel's fixed cost (launch, per-
                // sequence setup), which the measured kernels show nearly independent of the head width.
                a += group.layers() * intercept;
                c += group.layers() * group.decodeScale() * slope;
            }
            decodeBase[b] = a;
            decodeSlope[b] = c;
        }

        void precomputePrefill() {
            double maxLength = Math.max(2, Math.min(maxModelLen, batching.maxBatchedTokens()) * 2.0);
            double maxPrompts = Math.max(2, batching.maxNumSeqs());
            prefillLengths = (int) Math.ceil(Math.log(maxLength) / Math.log(2) / LOG_STEP) + 2;
            prefillBatches = (int) Math.ceil(Math.log(maxPrompts) / Math.log(2) / LOG_STEP) + 2;
            prefill = new double[prefillLengths * prefillBatches];
            for (int j = 0; j < prefillBatches; j++) {
                double prompts = Math.pow(2, j * LOG_STEP);
                for (int i = 0; i < prefillLengths; i++) {
                    double length = Math.pow(2, i * LOG_STEP);
                    double t = 0;
                    for (AttentionGroup group : attention) {
                        t += group.layers() * group.contextScale() * contextAt(group.context(), prompts, length);
                    }
                    prefill[j * prefillLengths + i] = t;
                }
            }
            // non-decreasing in length, then in prompts
            for (int j = 0; j < prefillBatches; j++) {
                for (int i = prefillLengths - 2; i >= 0; i--) {
                    int at = j * prefillLengths + i;
                    prefill[at] = Math.min(prefill[at], prefill[at + 1]);
                }
            }
            for (int i = 0; i < prefillLengths; i++) {
                for (int j = prefillBatches - 2; j >= 0; j--) {
                    int at = j * prefillLengths + i;
                    prefill[at] = Math.min(prefill[at], prefill[at + prefillLengths]);
                }
            }
        }

        /** Prefill attention of {@code prompts} prompts of {@code length}; quadratic in length beyond the table. */
        double contextAt(LogGrid g, double prompts, double length) {
            double maxIsl = g.max(1);
            if (length > maxIsl) {
                notes.add("prefill attention beyond " + (int) maxIsl + " tokens scaled with the square of the length");
                return contextAt(g, prompts, maxIsl) * (length / maxIsl) * (length / maxIsl);
            }
            return atBatch(g, prompts, length);
        }
    }
}
