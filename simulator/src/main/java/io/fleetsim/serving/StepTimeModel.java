package io.fleetsim.serving;

import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.PerformanceSpec;

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
 * token.
 */
public final class StepTimeModel {

    private final double flopsPerToken;
    private final double attentionFlopsPerContextToken;
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
        this.attentionFlopsPerContextToken = 4.0 * model.layers() * model.attentionHeads() * model.headDim();
        this.computeRate = tp * memory.gpu().flopsPerSecond(precision) * performance.computeEfficiency();
        this.weightBytes = model.weightBytes(precision);
        this.kvBytesPerToken = model.kvBytesPerToken(precision);
        this.memoryRate = tp * memory.gpu().memoryBandwidthBytesPerSecond() * performance.memoryEfficiency();
        this.overhead = performance.iterationOverheadSeconds();
        double bytesPerTokenPerAllReduce = 2.0 * (tp - 1) / tp * model.hiddenSize() * Precision.ACTIVATION_BYTES;
        this.allReducePerToken = tp == 1 ? 0
                : 2.0 * model.layers() * bytesPerTokenPerAllReduce / memory.gpu().interconnectBytesPerSecond();
    }

    /**
     * One iteration.
     *
     * @param prefillTokens  prompt tokens prefilled in this iteration
     * @param prefillContext sum over those prompt tokens of the context each attends to (for one
     *                       chunk of {@code c} tokens after {@code p} cached ones: c p + c (c+1) / 2)
     * @param decodeSeqs     sequences generating one token each
     * @param decodeKvTokens KV tokens of the decoding sequences (their attention context)
     * @param kvTokens       KV tokens read from memory: the decoding sequences' plus the cached
     *                       part of prompts being prefilled
     */
    public double iterationSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double decodeKvTokens,
                                   double kvTokens) {
        int tokens = prefillTokens + decodeSeqs;
        double compute = (tokens * flopsPerToken
                + attentionFlopsPerContextToken * (prefillContext + decodeKvTokens)) / computeRate;
        double memory = (weightBytes + kvBytesPerToken * kvTokens) / memoryRate;
        return overhead + allReducePerToken * tokens + Math.max(compute, memory);
    }

    /** One iteration in which all KV read belongs to decoding sequences. */
    public double iterationSeconds(int prefillTokens, double prefillContext, int decodeSeqs, double kvTokens) {
        return iterationSeconds(prefillTokens, prefillContext, decodeSeqs, kvTokens, kvTokens);
    }

    /**
     * One iteration whose prefill tokens are whole prompts started from scratch (no cached
     * prefix, no earlier chunk): the attention context follows from the token count.
     */
    public double iterationSeconds(int prefillTokens, int decodeSeqs, double kvTokens) {
        return iterationSeconds(prefillTokens, prefillContext(0, prefillTokens), decodeSeqs, kvTokens);
    }

    /** Attention context of a prefill chunk of {@code chunk} tokens after {@code done} tokens. */
    public static double prefillContext(int done, int chunk) {
        return (double) chunk * done + chunk * (chunk + 1.0) / 2;
    }

    /**
     * Total time of {@code n} consecutive decode-only iterations of {@code batch} sequences,
     * starting with {@code kvTokens} in the cache, which grows by {@code batch} each iteration.
     */
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

    /** The {@code k}-th iteration (from 0) of a decode segment as in {@link #decodeSegmentSeconds}. */
    public double decodeIterationSeconds(int batch, double kvTokens, long k) {
        return iterationSeconds(0, 0, batch, kvTokens + (double) batch * k);
    }

    /** Sum of a + s k for k in [from, to). */
    private static double lineSum(double a, double s, long from, long to) {
        long count = to - from;
        if (count <= 0) {
            return 0;
        }
        return count * a + s * (sumOfIndices(to) - sumOfIndices(from));
    }

    /**
     * How many whole decode iterations of a segment (as in {@link #decodeSegmentSeconds}) have
     * finished {@code elapsed} seconds after it started, at most {@code max}.
     */
    public long decodeIterationsWithin(int batch, double kvTokens, double elapsed, long max) {
        // Iterations only get longer as the cache grows, so elapsed / first-iteration time is an
        // upper bound; bisect below it.
        double first = decodeSegmentSeconds(batch, kvTokens, 1);
        long lo = 0;
        long hi = Math.min(max, (long) Math.floor(elapsed / first) + 1);
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
