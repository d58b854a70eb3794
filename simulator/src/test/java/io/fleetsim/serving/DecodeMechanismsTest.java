package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.kernels.KernelSet;
import io.fleetsim.kernels.LogGrid;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a decode step pays, by hand on the hand-made tables: MLA reads its latent once, an
 * unmeasured attention shape scales the KV read and not the kernel's fixed cost, shared experts
 * run beside the routed ones, and another engine's all-reduce is never slower than a larger
 * measured message.
 */
class DecodeMechanismsTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    private static final Gpu GPU = CATALOG.gpu("H100-SXM-80GB");
    private static final double US = 1e-6;
    /** Engine overheads of one decoding sequence. */
    private static final double ENGINE = PerformanceSpec.DEFAULT_ENGINE_ITERATION_SECONDS
            + PerformanceSpec.DEFAULT_ENGINE_SEQUENCE_SECONDS;

    /**
     * One layer on one GPU with {@code test/resources/kernels/hand-vllm-1.0}: every GEMM 10 us at
     * one token; decode attention of 2 heads over 2 KV heads of 128, one sequence: 5 us at 1 KV
     * token, 15 us at 1,023.
     */
    private static KernelStepTime oneLayer(LlmModel model, int maxBatchedTokens) {
        ReplicaMemory memory = new ReplicaMemory(GPU, model, 1, Precision.BF16, 0.9);
        KernelIndex.Entry entry = new KernelIndex.Entry("hand-vllm-1.0", "hand", "vllm", "1.0", GPU.name());
        List<String> why = new ArrayList<>();
        KernelStepTime t = KernelStepTime.build(memory, new BatchingSpec(4, maxBatchedTokens), 4096,
                PerformanceSpec.KERNEL_DEFAULT, 1, entry, KernelSet.load("hand-vllm-1.0"), why);
        assertNotNull(t, String.join("; ", why));
        return t;
    }

    @Test
    void mlaDecodeReadsItsLatentOnce() {
        // 448 latent + 64 rotary values cached per token: 512 values read once, as many as the
        // measured kernel's key and value of 2 KV heads of 128, so its KV read is the measured one.
        LlmModel mla = new LlmModel("one-mla-layer", 1e6, 1e6, 1, 256, 2, 2, 128, 4096, "test", 512, 256, null,
                new LlmModel.LatentAttention(448, 64, 64, 64, 0), null);
        KernelStepTime t = oneLayer(mla, 2048);
        assertEquals(10 * US, t.iterationSeconds(0, 0, 1, 1023) - t.iterationSeconds(0, 0, 1, 1), 1e-12);
        assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("2/1 heads x 256 not measured")),
                t.provenance().notes().toString());
    }

    @Test
    void anUnmeasuredDecodeShapeScalesTheKvReadNotTheKernelsFixedCost() {
        // 2 KV heads of 256: twice the measured kernel's bytes per cached token, the same launch.
        LlmModel wide = new LlmModel("one-wide-layer", 1e6, 1e6, 1, 256, 2, 2, 256, 4096, "test", 512, 256, null,
                null, null);
        KernelStepTime t = oneLayer(wide, 2048);
        double slope = 2 * 10 * US / 1022;
        assertEquals(slope * 1022, t.iterationSeconds(0, 0, 1, 1023) - t.iterationSeconds(0, 0, 1, 1), 1e-12);
        // QKV 1,536 x 256 in two pieces of the widest measured 1,024 columns (20 us), O, gate/up, down and
        // the LM head (10 us each); the measured line's intercept unscaled, 5 us less its one-token slope.
        double kernels = (20 + 4 * 10) * US;
        double intercept = 5 * US - 10 * US / 1022;
        assertEquals(ENGINE + kernels + intercept, t.iterationSeconds(0, 0, 1, 0), 1e-12);
    }

    /**
     * One MoE layer on 2 GPUs (experts over both) with {@code test/resources/kernels/hand-moe-1.0}:
     * the routed block takes 26 us at 4 tokens; a shared expert of width 256 at tp 2 is a gate/up
     * GEMM of 256 x 256 and a down GEMM of 256 x 128, 3 + 1.5 us at 4 tokens, linear beyond.
     */
    private static KernelStepTime oneMoeLayer(int sharedExperts) {
        LlmModel model = new LlmModel("one-moe-layer", 1e6, 1e6, 1, 256, 2, 2, 128, 4096, "test", 512, 256,
                new LlmModel.MoeLayers(4, 2, sharedExperts, 256, 0), null, null);
        ReplicaMemory memory = new ReplicaMemory(GPU, model, 2, Precision.BF16, 0.9, KvCacheDtype.BF16, 1);
        return HandMoeKernels.build(memory, new BatchingSpec(4, 2048));
    }

    @Test
    void sharedExpertsRunBesideTheRoutedOnesUpToTheOverlapLimit() {
        KernelStepTime plain = oneMoeLayer(0);
        KernelStepTime shared = oneMoeLayer(1);
        // decode of 4 sequences: the shared expert (4.5 us) hides behind the routed block (26 us)
        assertEquals(plain.iterationSeconds(0, 0, 4, 4 * 1023.0), shared.iterationSeconds(0, 0, 4, 4 * 1023.0),
                1e-15);
        assertTrue(shared.provenance().notes().stream().anyMatch(n -> n.startsWith("shared experts run beside")),
                shared.provenance().notes().toString());
        // a prefill of 2,000 tokens, beyond the overlap limit: the shared expert's time adds, 4.5 us x 500
        int tokens = 2000;
        assertTrue(tokens > KernelStepTime.SHARED_EXPERT_OVERLAP_TOKENS);
        assertEquals(4.5 * US * tokens / 4, shared.iterationSeconds(tokens, tokens * tokens / 2.0, 0, 0)
                - plain.iterationSeconds(tokens, tokens * tokens / 2.0, 0, 0), 1e-12);
    }

    @Test
    void aMessageIsNoSlowerThanALargerMeasuredOne() {
        // 2 us at 256 elements, 5 us at 512 (an algorithm's bad size), 3 us at 1,024
        LogGrid g = new LogGrid(new double[][]{{256, 512, 1024}}, new double[]{2, 5, 3});
        assertEquals(2 * Math.pow(2.5, Math.log(300 / 256.0) / Math.log(2)), KernelStepTime.noSlowerThanLarger(g, 300),
                1e-12);
        assertEquals(3, KernelStepTime.noSlowerThanLarger(g, 400), 1e-12);
        assertEquals(3, KernelStepTime.noSlowerThanLarger(g, 512), 1e-12);
        assertEquals(3, KernelStepTime.noSlowerThanLarger(g, 1024), 1e-12);
        assertEquals(2, KernelStepTime.noSlowerThanLarger(g, 256), 1e-12);
    }

    @Test
    void onlyAnotherEnginesAllReducesTakeALargerMessagesTime() {
        ReplicaMemory memory = new ReplicaMemory(CATALOG.gpu("B200-180GB"), CATALOG.model("llama-3.1-8b"), 8,
                Precision.BF16, 0.9);
        String vllmVersion = StepTimeModels.defaultEngine("B200-180GB").version();
        StepTimeModel vllm = StepTimeModels.of(new ServerSpec.Llm(memory, 8192, new BatchingSpec(64, 8192),
                PerformanceSpec.KERNEL_DEFAULT, new EngineSpec("vllm", vllmVersion)));
        StepTimeModel sglang = StepTimeModels.of(new ServerSpec.Llm(memory, 8192, new BatchingSpec(64, 8192),
                PerformanceSpec.KERNEL_DEFAULT, new EngineSpec("sglang", "0.5.9")));
        assertTrue(sglang.provenance().notes().stream().anyMatch(n -> n.startsWith("all-reduces measured in vllm")),
                sglang.provenance().notes().toString());
        assertTrue(vllm.provenance().notes().stream().noneMatch(n -> n.startsWith("all-reduces measured in")),
                vllm.provenance().notes().toString());
        // 32 tokens x 4,096 = 131,072 elements: vLLM's measured 25.8 us, twice per layer over 32 layers;
        // another engine's at most the 17.2 us of 524,288 elements. The step's own envelope (no slower than
        // a larger batch's step) already takes back part of the gap, never more than all of it.
        double gap = vllm.iterationSeconds(0, 0, 32, 32 * 1024.0) - sglang.iterationSeconds(0, 0, 32, 32 * 1024.0);
        assertTrue(gap > 0 && gap <= 2 * 32 * (25.8 - 17.17) * US, "gap " + gap);
    }
}
