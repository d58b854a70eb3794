package io.fleetsim.serving;

import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.PerformanceSpec;

/**
 * How long one batch iteration of a replica takes (a roofline model):
 *
 * <pre>
 *   t = overhead + allreduce * tokens + max(compute, memory)
 *   compute = 2 * activeParams * tokens / (tp * peakFlops * computeEfficiency)
 *   memory  = (weightBytes + kvBytesPerToken * kvTokens) / (tp * peakBandwidth * memoryEfficiency)
 *   allreduce = 2 per layer, each moving 2 (tp-1)/tp * hidden * bytes per token over the interconnect
 * </pre>
 *
 * where {@code tokens} is the prefill chunk plus one token per decoding sequence and
 * {@code kvTokens} the KV cache the iteration reads. Prefill is therefore compute-bound and small
 * decode batches memory-bound. Attention FLOPs, which grow with context, are not yet counted.
 *
 * <p>Between two changes of batch membership, decode iterations differ only by the KV cache
 * growing one token per sequence each iteration, so the time of {@code n} iterations has a closed
 * form ({@link #decodeSegmentSeconds}) and its inverse is found by bisection: a run never loops
 * per token.
 */
public final class StepTimeModel {

    private final double flopsPerToken;
    private final double computeRate;
    private final double weightBytes;
    private final double kvBytesPerToken;
    private final double memoryRate;
    private final double overhead;
    private final double allReducePerToken;

    /** The model of one replica described by {@code memory}, at the given efficiencies. */
    public StepTimeModel(ReplicaMemory memory, PerformanceSpec performance) {
        LlmModel model = memory.model();
        Precision precision = memory.precision();
        int tp = memory.tensorParallel();
        this.flopsPerToken = 2 * model.activeParams();
        this.computeRate = tp * memory.gpu().flopsPerSecond(precision) * performance.computeEfficiency();
        this.weightBytes = model.weightBytes(precision);
        this.kvBytesPerToken = model.kvBytesPerToken(precision);
        this.memoryRate = tp * memory.gpu().memoryBandwidthBytesPerSecond() * performance.memoryEfficiency();
        this.overhead = performance.iterationOverheadSeconds();
        double bytesPerTokenPerAllReduce = 2.0 * (tp - 1) / tp * model.hiddenSize() * precision.bytesPerValue();
        this.allReducePerToken = tp == 1 ? 0
                : 2.0 * model.layers() * bytesPerTokenPerAllReduce / memory.gpu().interconnectBytesPerSecond();
    }

    /**
     * One iteration.
     *
     * @param prefillTokens prompt tokens prefilled in this iteration
     * @param decodeSeqs    sequences generating one token each
     * @param kvTokens      tokens of KV cache read
     */
    public double iterationSeconds(int prefillTokens, int decodeSeqs, double kvTokens) {
        int tokens = prefillTokens + decodeSeqs;
        double compute = tokens * flopsPerToken / computeRate;
        double memory = (weightBytes + kvBytesPerToken * kvTokens) / memoryRate;
        return overhead + allReducePerToken * tokens + Math.max(compute, memory);
    }

    /**
     * Total time of {@code n} consecutive decode-only iterations of {@code batch} sequences,
     * starting with {@code kvTokens} in the cache, which grows by {@code batch} each iteration.
     */
    public double decodeSegmentSeconds(int batch, double kvTokens, long n) {
        if (n <= 0) {
            return 0;
        }
        double perIteration = overhead + allReducePerToken * batch;
        double compute = batch * flopsPerToken / computeRate;
        double memory0 = (weightBytes + kvBytesPerToken * kvTokens) / memoryRate;
        double slope = kvBytesPerToken * batch / memoryRate;
        // Iterations k < kStar are compute-bound, the rest memory-bound (memory grows with k).
        long kStar;
        if (memory0 >= compute) {
            kStar = 0;
        } else if (slope <= 0) {
            kStar = n;
        } else {
            kStar = Math.min(n, (long) Math.ceil((compute - memory0) / slope));
        }
        long m = n - kStar;
        double memorySum = m * memory0 + slope * (sumOfIndices(n) - sumOfIndices(kStar));
        return n * perIteration + kStar * compute + memorySum;
    }

    /**
     * How many whole decode iterations of a segment (as in {@link #decodeSegmentSeconds}) have
     * finished {@code elapsed} seconds after it started, at most {@code max}.
     */
    public long decodeIterationsWithin(int batch, double kvTokens, double elapsed, long max) {
        long lo = 0;
        long hi = max;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (decodeSegmentSeconds(batch, kvTokens, mid) <= elapsed) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** 0 + 1 + ... + (n - 1). */
    private static double sumOfIndices(long n) {
        return n * (double) (n - 1) / 2;
    }
}
