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
 * <p>Between two changes of batch membership, decode iterations differ only by the KV cache
 * growing one token per sequence each iteration, so both the compute and the memory term grow
 * linearly with the iteration index: the time of {@code n} iterations has a closed form
 * ({@link #decodeSegmentSeconds}) and its inverse is found by bisection. A run never loops per
 * token. This is the model of pools with {@code performance: {step_time: roofline}}, and the
 * fallback of pools whose GPU or dtype has no kernel tables (flagged uncalibrated).
 */
public final class RooflineStepTime implements StepTimeModel {

    private final double flopsPerToken;
    private final double attentionFlopsPerContextToken;
    private final double computeRate;
    private final double weightBytes;
    private final double kvBytesPerToken;
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
        this.flopsPerToken = 2 * model.activeParams();
        this.attentionFlopsPerContextToken = 4.0 * model.attentionLayers() * model.attentionHeads() * model.headDim();
        this.computeRate = tp * memory.gpu().flopsPerSecond(precision) * performance.computeEfficiency();
        this.weightBytes = model.weightBytes(precision);
        this.kvBytesPerToken = memory.kvBytesPerToken();
        this.memoryRate = tp * memory.gpu().memoryBandwidthBytesPerSecond() * performance.memoryEfficiency();
        this.overhead = performance.iterationOverheadSeconds();
        double bytesPerTokenPerAllReduce = 2.0 * (tp - 1) / tp * model.hiddenSize() * Precision.ACTIVATION_BYTES;
        this.allReducePerToken = tp == 1 ? 0
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
        double compute = (tokens * flopsPerToken
                + attentionFlopsPerContextToken * (prefillContext + decodeKvTokens)) / computeRate;
        double memory = (weightBytes + kvBytesPerToken * kvTokens) / memoryRate;
        return overhead + allReducePerToken * tokens + Math.max(compute, memory);
    }

    @Override
    public double decodeSegmentSeconds(int batch, double kvTokens, long n) {
        if (n <= 0) {
            return 0;
        }
        double fixed = overhead + allReducePerToken * batch;
        double compute0 = (batch * flopsPerToken + attentionFlopsPerContextToken * kvTokens) / computeRate;
        double computeSlope = attentionFlopsPerContextToken * batch / computeRate;
        double memory0 = (weightBytes + kvBytesPerToken * kvTokens) / memoryRate;
        double memorySlope = kvBytesPerToken * batch / memoryRate;
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
