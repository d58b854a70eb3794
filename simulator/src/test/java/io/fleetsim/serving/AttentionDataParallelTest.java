package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;
import org.junit.jupiter.api.Test;

/**
 * Attention data parallelism against hand computation: a replica of two GPUs as one attention
 * rank of tp 2 or as two ranks of tp 1, the same experts (EP 2) over both GPUs.
 */
class AttentionDataParallelTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    private static final Gpu GPU = CATALOG.gpu("H100-SXM-80GB");
    /**
     * One MoE layer: hidden 256, 2 heads of 128 (no GQA), 4 routed experts of width 256, top-2,
     * no shared experts, vocabulary 256.
     */
    private static final LlmModel MODEL = new LlmModel("one-moe-layer", 1e6, 1e6, 1, 256, 2, 2, 128, 4096, "test",
            512, 256, new LlmModel.MoeLayers(4, 2, 0, 256, 0), null, null);
    private static final double E = PerformanceSpec.DEFAULT_ENGINE_ITERATION_SECONDS;
    private static final double S = PerformanceSpec.DEFAULT_ENGINE_SEQUENCE_SECONDS;
    private static final double US = 1e-6;

    /**
     * The tables of {@code test/resources/kernels/hand-moe-1.0}: a GEMM of n x k takes
     * {@code n k / 32768} us at one token, 1.25 times that at 2 and 1.5 times at 4; the MoE block
     * 20 / 22 / 26 us at 1 / 2 / 4 tokens; the all-to-all over 2 GPUs 3 / 4 / 5 us at 512 / 1,024 /
     * 2,048 elements; the all-reduce over 2 GPUs 2 / 2.5 / 3 us at 256 / 512 / 1,024 elements;
     * decode attention by (heads per GPU, batch) at 1 and 1,023 KV tokens per sequence.
     */
    private static KernelStepTime model(int ranks) {
        ReplicaMemory memory = new ReplicaMemory(GPU, MODEL, 2, Precision.BF16, 0.9, KvCacheDtype.BF16, ranks);
        return HandMoeKernels.build(memory, new BatchingSpec(4, 64));
    }

    @Test
    void twoRanksOfTp1AgainstOneRankOfTp2ByHand() {
        KernelStepTime tp2 = model(1);
        KernelStepTime dp2 = model(2);
        // A decode step of 4 sequences, each with 1,023 KV tokens.
        // tp 2: every GPU runs all 4 sequences on half the heads.
        double tp2Attention = (3 + 1) * 1.5 * US;   // QKV 384 x 256, O 256 x 128 at 4 tokens
        double tp2AllReduce = 2 * 3 * US;          // two all-reduces of 4 x 256 elements
        double routed = 26 * US;                   // MoE block at 4 tokens; no all-to-all at one attention rank
        double tp2Head = 1 * 1.5 * US;             // LM head 128 x 256 at 4 sequences
        double tp2Decode = 17 * US;                // 1 head per GPU, batch 4, at 1,023 per sequence
        assertEquals(E + 4 * S + tp2Attention + tp2AllReduce + routed + tp2Head + tp2Decode,
                tp2.iterationSeconds(0, 0, 4, 4 * 1023.0), 1e-12);
        // dp 2: each rank runs 2 of the sequences on all the heads; no all-reduce at attention tp 1;
        // the routed experts still see all 4 tokens, now exchanged between the ranks by two all-to-alls,
        // each rank sending its own 2 tokens' copies.
        double dp2Attention = (6 + 2) * 1.25 * US; // QKV 768 x 256, O 256 x 256 at 2 tokens
        double dp2Head = 2 * 1.25 * US;            // LM head 256 x 256 at 2 sequences
        double dp2Decode = 26 * US;                // 2 heads, batch 2, at 1,023 per sequence
        double exchange = 2 * 4 * US;              // dispatch + combine of a rank's 2 x 2 x 256
        assertEquals(E + 2 * S + dp2Attention + routed + exchange + dp2Head + dp2Decode,
                dp2.iterationSeconds(0, 0, 4, 4 * 1023.0), 1e-12);
        // The difference, part by part: 16 us less at tp 2 (-4 attention GEMMs, +6 all-reduce, -1 head,
        // -9 attention kernel, -8 all-to-all), 2 engine sequence overheads more.
        assertEquals(-4 + 6 - 1 - 9 - 8, (tp2.iterationSeconds(0, 0, 4, 4 * 1023.0) - 2 * S
                - dp2.iterationSeconds(0, 0, 4, 4 * 1023.0)) / US, 1e-6);
    }

    @Test
    void theBusiestRankSetsTheStep() {
        KernelStepTime dp2 = model(2);
        // 3 sequences: one rank runs 2 of them, with 2/3 of the KV read, and sends their copies to the experts
        double rankAttention = (6 + 2) * 1.25 * US + 2 * 1.25 * US;
        double exchange = 2 * 4 * US;              // dispatch + combine of the busiest rank's 2 x 2 x 256
        double at3 = Math.log(1.5) / Math.log(2);  // 3 tokens, log-log between the measured 2 and 4
        double routed = 22 * US * Math.pow(26.0 / 22, at3);
        assertEquals(E + 2 * S + rankAttention + exchange + routed + 26 * US, dp2.iterationSeconds(0, 0, 3, 3 * 1023.0),
                1e-12);
        // Two prompts of 2 tokens (context 2 x 2^2 / 2): one on each rank, so a rank's work, all-to-alls
        // included, is that of one prompt of 2; only the routed experts see the 4 tokens.
        double onePrompt = dp2.iterationSeconds(2, 2, 0, 0);
        double twoPrompts = dp2.iterationSeconds(4, 4, 0, 0);
        assertEquals(26 - 22, (twoPrompts - onePrompt) / US, 1e-6);
        // One prompt of 4 tokens cannot be split: its rank runs all 4
        assertTrue(dp2.iterationSeconds(4, 8, 0, 0) > twoPrompts);
    }

    @Test
    void decodeSegmentsStayClosedForm() {
        KernelStepTime dp2 = model(2);
        for (int batch = 1; batch <= 4; batch++) {
            double sum = 0;
            for (int k = 0; k < 50; k++) {
                sum += dp2.iterationSeconds(0, 0, batch, batch * 300.0 + batch * k);
            }
            assertEquals(sum, dp2.decodeSegmentSeconds(batch, batch * 300.0, 50), 1e-12);
            assertEquals(dp2.iterationSeconds(0, 0, batch, batch * 300.0 + batch * 20),
                    dp2.decodeIterationSeconds(batch, batch * 300.0, 20), 1e-15);
            assertEquals(50, dp2.decodeIterationsWithin(batch, batch * 300.0, sum * (1 + 1e-12), 1000));
        }
        assertTrue(dp2.provenance().profile().contains("attention dp 2"), dp2.provenance().profile());
    }

    /**
     * DeepSeek-V3 at fp4 on 8 B200s, as one attention rank of tp 8 or as 8 ranks of tp 1. Each
     * rank holds its own copy of everything but the 58 MoE layers' 256 routed experts
     * (3 x 7168 x 2048 each), and its own KV cache; the experts are held once.
     */
    @Test
    void eachRankHoldsItsOwnWeightsButTheRoutedExpertsAndItsOwnKvCache() {
        Gpu b200 = CATALOG.gpu("B200-180GB");
        LlmModel ds = CATALOG.model("deepseek-v3");
        ReplicaMemory tp8 = new ReplicaMemory(b200, ds, 8, Precision.FP4, 0.9, KvCacheDtype.FP8);
        ReplicaMemory dp8 = new ReplicaMemory(b200, ds, 8, Precision.FP4, 0.9, KvCacheDtype.FP8, 8);
        double bytes = Precision.FP4.weightBytesPerValue();
        double routed = 58.0 * 256 * 3 * 7168 * 2048 * bytes;
        double others = ds.totalParams() * bytes - routed;
        assertEquals(ds.totalParams() * bytes + 7 * others, dp8.weightBytes(), 1);
        // the replica's KV cache is 8 times a rank's: one GPU holding the others and an 8th of the experts
        double rank = b200.memoryBytes() * 0.9 - others - routed / 8 - ReplicaMemory.ACTIVATION_RESERVE_BYTES_PER_GPU;
        assertEquals(8 * rank, dp8.kvCacheBytes(), 1);
        assertEquals(tp8.kvCacheBytes() - 7 * others, dp8.kvCacheBytes(), 1);
        assertEquals(1, dp8.attentionTensorParallel());
        // a replica of 16 GPUs in 8 ranks of tp 2: twice the memory per rank, the same replicated weights
        ReplicaMemory dp8tp2 = new ReplicaMemory(b200, ds, 16, Precision.FP4, 0.9, KvCacheDtype.FP8, 8);
        double rank2 = 2 * b200.memoryBytes() * 0.9 - others - routed / 8
                - 2 * ReplicaMemory.ACTIVATION_RESERVE_BYTES_PER_GPU;
        assertEquals(8 * rank2, dp8tp2.kvCacheBytes(), 1);
        assertEquals(2, dp8tp2.attentionTensorParallel());
        assertThrows(IllegalArgumentException.class,
                () -> new ReplicaMemory(b200, ds, 8, Precision.FP4, 0.9, KvCacheDtype.FP8, 3));
    }

    /** A sequence lives on one rank: it must fit a rank's KV cache, not the replica's. */
    @Test
    void aRequestMustFitOneRanksKvCache() {
        // 1,024 bytes of KV per token (2 x 2 heads x 128 x 2 bytes); memory sized for 4,096 tokens in all
        double weights = new ReplicaMemory(GPU, MODEL, 2, Precision.BF16, 0.9, KvCacheDtype.BF16, 2).weightBytes();
        double util = (weights + 2 * ReplicaMemory.ACTIVATION_RESERVE_BYTES_PER_GPU + 4096 * 1024.0)
                / (2 * GPU.memoryBytes());
        ServerSpec.Llm dp2 = new ServerSpec.Llm(new ReplicaMemory(GPU, MODEL, 2, Precision.BF16, util,
                KvCacheDtype.BF16, 2), 4096, new BatchingSpec(4, 64), PerformanceSpec.KERNEL_DEFAULT);
        assertEquals(4096, dp2.kvCacheTokens(), 1);
        assertTrue(LlmReplica.fits(dp2, new Request(0, 0, 0, 1500, 400)), "1,900 tokens in a rank's 2,048");
        assertFalse(LlmReplica.fits(dp2, new Request(0, 0, 0, 2000, 400)), "2,400 tokens: more than a rank holds");
    }
}
