package io.fleetsim.serving;

import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.spec.PerformanceSpec;

/**
 * How long one batch iteration of a replica takes: a roofline model.
 *
 * <pre>
 *   t        = overhead + allReduce * tokens + max(compute, memory)
 *   compute  = (2 * activeParams * tokens + attentionFlops) / (tp * peakFlops * computeEfficiency)
 *   memory   = (weightBytes + kvBytesPerToken * kvTokensRead) / (tp * peakBandwidth * memoryEfficiency)
 *   attentionFlops = 4 * layers * qDim * (sum over new tokens of the context each attends to)
 *   allReduce = 2 per layer, each moving 2 (tp-1)/tp * hidden * bytes per token over the interconnect
 * </pre>
 *
 * {@code tokens} is the prefill chunk plus one token per decoding sequence. Prefill is therefore
 * compute-bound and small decode batches memory-bound; a mixed (chunked-prefill) iteration adds
 * both kinds of work into one roofline.
 *
 * <p>With attention data parallelism ({@link ReplicaMemory#attentionDataParallel} ranks of
 * {@code g = tp / dp} GPUs) the busiest rank sets the step, as in the kernel model
 * ({@link BusiestRank}): its share of the tokens and of the KV read runs on its {@code g} GPUs,
 * which each hold all the weights but the routed experts; the routed experts run on all the
 * step's tokens over all {@code tp} GPUs. So, with {@code r} the rank's share:
 * <pre>
 *   compute = (rankFlops * rankTokens + attentionFlops(rank)) / (g * peak * eff) + routedFlops * tokens / (tp * peak * eff)
 *   memory  = (rankWeightBytes + kvBytesPerToken * kvTokensRead * r) / (g * bw * eff) + routedWeightBytes / (tp * bw * eff)
 * </pre>
 * and the all-reduces at attention tp {@code g} on the rank's tokens. With one rank this is the
 * roofline above.
 *
 * <p>Between two changes of batch membership, decode iterations differ only by the KV cache
 * growing one token per sequence each iteration, so both the compute and the memory term grow
 * linearly with the iteration index: the time of {@code n} iterations has a closed form
 * ({@link #decodeSegmentSeconds}) and its inverse is found by bisection. A run never loops per
 * token. This is the model of pools with {@code performance: {step_time: roofline}}, and the
 * fallback of pools whose GPU or dtype has no kernel tables (flagged uncalibrated).
 */
public final class RooflineStepTime implements StepTimeModel {

    private final int ranks;
    private final double rankFlopsPerToken;
    private final double routedFlopsPerToken;
    private final double attentionFlopsPerContextToken;
    private final double rankComputeRate;
    private final double computeRate;
    private final double rankWeightBytes;
    private final double routedWeightBytes;
    private final double kvBytesPerToken;
    private final double rankMemoryRate;
    private final double memoryRate;
    private final double overhead;
    private final double allReducePerToken;

    private final StepTimeProvenance provenance;

    /** The model of one replica described by {@code memory}, at the given efficiencies. */
    public RooflineStepTime(ReplicaMemory memory, PerformanceSpec performance) {
        this(memory, performance, StepTimeProvenance.roofline(performance));
    }

    /** A roofline model with the given provenance (e.g. standing in for a missing kernel model). */
    RooflineStepTime(ReplicaMemory memory, PerformanceSpec performance, StepTimeProvenance provenance) {
        LlmModel model = memory.model();
        Precision precision = memory.precision();
        int tp = memory.tensorParallel();
        this.ranks = memory.attentionDataParallel();
        int rankGpus = memory.attentionTensorParallel();
        // With one rank everything is the rank's: the routed terms are 0 and the rank's rates the replica's.
        double routedShare = ranks == 1 || model.moe() == null ? 0 : model.routedExpertParams() / model.totalParams();
        double routedActive = routedShare == 0 ? 0
                : model.routedExpertParams() * model.moe().topK() / model.moe().experts();
        this.routedFlopsPerToken = 2 * routedActive;
        this.rankFlopsPerToken = 2 * model.activeParams() - routedFlopsPerToken;
        this.attentionFlopsPerContextToken = 4.0 * model.attentionLayers() * model.attentionHeads() * model.headDim();
        double peak = memory.gpu().flopsPerSecond(precision) * performance.computeEfficiency();
        this.computeRate = tp * peak;
        this.rankComputeRate = rankGpus * peak;
        double weightBytes = model.weightBytes(precision);
        this.routedWeightBytes = weightBytes * routedShare;
        this.rankWeightBytes = weightBytes - routedWeightBytes;
        this.kvBytesPerToken = memory.kvBytesPerToken();
        double bandwidth = memory.gpu().memoryBandwidthBytesPerSecond() * performance.memoryEfficiency();
        this.memoryRate = tp * bandwidth;
        this.rankMemoryRate = rankGpus * bandwidth;
        this.overhead = performance.iterationOverheadSeconds();
        double bytesPerTokenPerAllReduce = 2.0 * (rankGpus - 1) / rankGpus * model.hiddenSize()
                * Precision.ACTIVATION_BYTES;
        this.allReducePerToken = rankGpus == 1 ? 0
                : 2.0 * model.layers() * bytesPerTokenPerAllReduce / memory.gpu().interconnectBytesPerSecond();
        this.provenance = provenance;
    }

    @Override
    public StepTimeProvenance provenance() {
        return provenance;
    }

    @Override
    public double iterationSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double decodeKvTokens,
                                   double kvTokens) {
        int tokens = prefillTokens + decodeSeqs;
        int rankPrefill = BusiestRank.prefillTokens(ranks, prefillTokens, prefillContext);
        int rankDecode = BusiestRank.sequences(ranks, decodeSeqs);
        int rankTokens = rankPrefill + rankDecode;
        double rankContext = share(prefillContext, rankPrefill, prefillTokens);
        double rankDecodeKv = share(decodeKvTokens, rankDecode, decodeSeqs);
        double rankKv = share(kvTokens, rankTokens, tokens);
        double compute = (rankTokens * rankFlopsPerToken
                + attentionFlopsPerContextToken * (rankContext + rankDecodeKv)) / rankComputeRate
                + tokens * routedFlopsPerToken / computeRate;
        double memory = (rankWeightBytes + kvBytesPerToken * rankKv) / rankMemoryRate + routedWeightBytes / memoryRate;
        return overhead + allReducePerToken * rankTokens + Math.max(compute, memory);
    }

    @Override
    public double decodeSegmentSeconds(int batch, double kvTokens, long n) {
        if (n <= 0) {
            return 0;
        }
        int rank = BusiestRank.sequences(ranks, batch);
        double rankKv = share(kvTokens, rank, batch);
        double fixed = overhead + allReducePerToken * rank;
        double compute0 = (rank * rankFlopsPerToken + attentionFlopsPerContextToken * rankKv) / rankComputeRate
                + batch * routedFlopsPerToken / computeRate;
        double computeSlope = attentionFlopsPerContextToken * rank / rankComputeRate;
        double memory0 = (rankWeightBytes + kvBytesPerToken * rankKv) / rankMemoryRate + routedWeightBytes / memoryRate;
        double memorySlope = kvBytesPerToken * rank / rankMemoryRate;
        // max of two lines in k: the one on top at k = 0 stays on top until they cross, once.
        boolean computeFirst = compute0 > memory0 || (compute0 == memory0 && computeSlope >= memorySlope);
        double firstA = computeFirst ? compute0 : memory0;
        double firstSlope = computeFirst ? computeSlope : memorySlope;
        double secondA = computeFirst ? memory0 : compute0;
        double secondSlope = computeFirst ? memorySlope : computeSlope;
        long cross;
        if (secondSlope <= firstSlope) {
            cross = n;
        } else {
            cross = Math.min(n, (long) Math.ceil((firstA - secondA) / (secondSlope - firstSlope)));
        }
        return n * fixed + lineSum(firstA, firstSlope, 0, cross) + lineSum(secondA, secondSlope, cross, n);
    }

    @Override
    public double decodeIterationSeconds(int batch, double kvTokens, long k) {
        return iterationSeconds(0, 0, batch, kvTokens + (double) batch * k);
    }

    /** The busiest rank's {@code part} of {@code whole} applied to {@code x}; {@code x} itself with one rank. */
    private double share(double x, int part, int whole) {
        return ranks == 1 || whole == 0 ? x : x * part / whole;
    }

    /** Sum of a + s k for k in [from, to). */
    static double lineSum(double a, double s, long from, long to) {
        long count = to - from;
        if (count <= 0) {
            return 0;
        }
        return count * a + s * (sumOfIndices(to) - sumOfIndices(from));
    }

    /** 0 + 1 + ... + (n - 1). */
    static double sumOfIndices(long n) {
        return n * (double) (n - 1) / 2;
    }
}
