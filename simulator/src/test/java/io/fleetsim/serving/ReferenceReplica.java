package io.fleetsim.serving;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;

/**
 * The reference replica of the serving tests, with its datasheet numbers written out independently
 * of the catalog and of {@link StepTimeModel}: llama-3.1-8b (8.03e9 params, 32 layers, 8 KV heads
 * of dim 128) in BF16 on one H100-SXM-80GB (989 TFLOP/s dense BF16, 3.35 TB/s HBM), default
 * performance (50% of peak FLOPs, 70% of peak bandwidth, 3 ms per iteration), tensor_parallel 1
 * (so no all-reduce term):
 *
 * <pre>
 *   FLOPs per token        F = 2 * 8.03e9              = 1.606e10
 *   attention FLOPs per    A = 4 * 32 * (32 * 128)     = 524288   (4 x layers x query dim)
 *     (token, context token)
 *   compute rate           C = 989e12 * 0.5            = 4.945e14 FLOP/s
 *   weights                W = 8.03e9 * 2              = 1.606e10 B
 *   KV per token           K = 2 * 32 * 8 * 128 * 2    = 131072 B
 *   memory rate            M = 3.35e12 * 0.7           = 2.345e12 B/s
 *   iteration = 0.003 + max(((p + d) F + A (ctx + dkv)) / C, (W + K kv) / M)
 * </pre>
 */
final class ReferenceReplica {

    static final double F = 2 * 8.03e9;
    static final double A = 4.0 * 32 * 32 * 128;
    static final double C = 989e12 * 0.5;
    static final double W = 8.03e9 * 2;
    static final double K = 2.0 * 32 * 8 * 128 * 2;
    static final double M = 3.35e12 * 0.7;
    static final double OVERHEAD = 0.003;

    static final HardwareCatalog CATALOG = CatalogReader.builtIn();

    private ReferenceReplica() {
    }

    /**
     * One iteration by hand: {@code prefill} tokens as one chunk after {@code cached} ones (their
     * attention context sums to prefill cached + prefill (prefill + 1) / 2), {@code decode}
     * sequences holding {@code decodeKv} tokens of KV cache, and {@code kv} tokens held in all.
     */
    static double iteration(int prefill, int cached, int decode, double decodeKv, double kv) {
        double ctx = (double) prefill * cached + prefill * (prefill + 1.0) / 2;
        return OVERHEAD + Math.max(((prefill + decode) * F + A * (ctx + decodeKv)) / C, (W + K * kv) / M);
    }

    /** The prefill of a whole prompt, nothing cached and nothing decoding. */
    static double prefill(int prompt) {
        return iteration(prompt, 0, 0, 0, 0);
    }

    /** A decode iteration of {@code seqs} sequences holding {@code kv} tokens of KV cache. */
    static double decode(int seqs, double kv) {
        return iteration(0, 0, seqs, kv, kv);
    }

    /** The replica's memory with {@code utilization} of the GPU's memory given to the engine. */
    static ReplicaMemory memory(double utilization) {
        return new ReplicaMemory(CATALOG.gpu("H100-SXM-80GB"), CATALOG.model("llama-3.1-8b"), 1, Precision.BF16,
                utilization);
    }

    /** The replica at 90% memory utilisation and a max_model_len of 131072, batching as given. */
    static ServerSpec.Llm spec(int maxNumSeqs, int maxBatchedTokens) {
        return spec(maxNumSeqs, maxBatchedTokens, 0.9);
    }

    /** The replica with the memory utilisation given. */
    static ServerSpec.Llm spec(int maxNumSeqs, int maxBatchedTokens, double memoryUtilization) {
        return new ServerSpec.Llm(memory(memoryUtilization), 131072, new BatchingSpec(maxNumSeqs, maxBatchedTokens),
                PerformanceSpec.DEFAULT);
    }
}
