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
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.StepTimeMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel-based step time against hand computation, its own closed forms and the roofline. */
class KernelStepTimeTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    private static final PerformanceSpec KERNELS = PerformanceSpec.KERNEL_DEFAULT;

    /**
     * One layer, hidden 256, 2 heads of 128 (no GQA), FFN 512, vocabulary 256, one GPU, with the
     * hand-made tables of {@code test/resources/kernels/hand-vllm-1.0}: every GEMM is 10 us at one
     * token; decode attention of one sequence is 5 us at 1 KV token and 15 us at 1,023.
     */
    @Test
    void oneLayerDecodeByHand() {
        Gpu gpu = CATALOG.gpu("H100-SXM-80GB");
        LlmModel model = new LlmModel("one-layer", 1e6, 1e6, 1, 256, 2, 2, 128, 4096, "test", 512, 256, null, null,
                null);
        ReplicaMemory memory = new ReplicaMemory(gpu, model, 1, Precision.BF16, 0.9);
        KernelIndex.Entry entry = new KernelIndex.Entry("hand-vllm-1.0", "hand", "vllm", "1.0", gpu.name());
        List<String> why = new ArrayList<>();
        KernelStepTime t = KernelStepTime.build(memory, new BatchingSpec(4, 2048), 4096, KERNELS, 1, entry,
                KernelSet.load("hand-vllm-1.0"), why);
        assertNotNull(t, String.join("; ", why));
        // QKV (768 x 256), O (256 x 256), gate/up (1024 x 256), down (256 x 512): 4 x 10 us; LM head 10 us.
        double kernels = 4 * 10e-6 + 10e-6;
        // decode attention: the line through (1, 5 us) and (1023, 15 us)
        double slope = 10e-6 / 1022;
        double attention = 5e-6 + slope * (1023 - 1);
        double engine = PerformanceSpec.DEFAULT_ENGINE_ITERATION_SECONDS + PerformanceSpec.DEFAULT_ENGINE_SEQUENCE_SECONDS;
        assertEquals(engine + kernels + attention, t.iterationSeconds(0, 0, 1, 1023), 1e-12);
        // a decode segment is the sum of its iterations, in closed form
        double sum = 0;
        for (int k = 0; k < 100; k++) {
            sum += t.iterationSeconds(0, 0, 1, 500 + k);
        }
        assertEquals(sum, t.decodeSegmentSeconds(1, 500, 100), 1e-12);
        assertEquals(100, t.decodeIterationsWithin(1, 500, sum * (1 + 1e-12), 1000));
        assertEquals(99, t.decodeIterationsWithin(1, 500, sum * (1 - 1e-9), 1000));
        assertEquals(t.iterationSeconds(0, 0, 1, 600), t.decodeIterationSeconds(1, 500, 100));
        for (double elapsed = 0; elapsed < 0.2; elapsed += 0.00377) {
            long n = t.decodeIterationsWithin(3, 900, elapsed, 10_000);
            assertTrue(t.decodeSegmentSeconds(3, 900, n) <= elapsed, "n " + n);
            assertTrue(t.decodeSegmentSeconds(3, 900, n + 1) > elapsed, "n + 1 " + (n + 1));
        }
        // batches of 2,048 tokens go beyond the 1,024 measured: flagged
        assertEquals(ProfileFit.EXTRAPOLATED, t.provenance().fit(), t.provenance().notes().toString());
        assertTrue(t.provenance().notes().contains("GEMMs beyond 1024 tokens scaled linearly"));
    }

    private static ServerSpec.Llm pool(String gpu, String model, int tp, Precision p, StepTimeMethod m) {
        ReplicaMemory memory = new ReplicaMemory(CATALOG.gpu(gpu), CATALOG.model(model), tp, p, 0.9,
                KvCacheDtype.defaultFor(p));
        return new ServerSpec.Llm(memory, 8192, new BatchingSpec(256, 8192), KERNELS.withMethod(m),
                StepTimeModels.defaultEngine(gpu));
    }

    @Test
    void monotoneInTokensAndKv() {
        for (String[] c : new String[][]{{"H100-SXM-80GB", "llama-3.1-8b", "1"}, {"H200-SXM-141GB", "llama-3.1-70b", "4"},
            {"B200-180GB", "qwen3-32b", "2"}, {"GB200-NVL72", "llama-3.1-70b", "4"}}) {
            StepTimeModel t = StepTimeModels.of(pool(c[0], c[1], Integer.parseInt(c[2]), Precision.BF16,
                    StepTimeMethod.KERNELS));
            assertTrue(t instanceof KernelStepTime, c[0] + ": " + t.provenance());
            double last = 0;
            for (int p = 1; p <= 8192; p += 7) {
                double s = t.iterationSeconds(p, 0, 0);
                assertTrue(s >= last, c[0] + " prefill " + p);
                last = s;
            }
            for (int b = 1; b <= 256; b++) {
                double lastKv = 0;
                for (double kv = b; kv <= b * 8192.0; kv *= 1.7) {
                    double s = t.iterationSeconds(0, 0, b, kv);
                    assertTrue(s >= lastKv, c[0] + " decode " + b + " kv " + kv);
                    lastKv = s;
                }
            }
        }
    }

    /** The measured kernels and the datasheet roofline (default factors) agree within a factor of 2.5. */
    @Test
    void kernelModelWithinASanityRangeOfTheRoofline() {
        for (String gpu : new String[]{"H100-SXM-80GB", "H200-SXM-141GB", "B200-180GB"}) {
            StepTimeModel k = StepTimeModels.of(pool(gpu, "llama-3.1-8b", 1, Precision.BF16, StepTimeMethod.KERNELS));
            StepTimeModel r = StepTimeModels.of(pool(gpu, "llama-3.1-8b", 1, Precision.BF16, StepTimeMethod.ROOFLINE));
            for (double[] x : new double[][]{{0, 1, 1000}, {0, 64, 64000}, {2048, 0, 0}, {8000, 0, 0}}) {
                double ks = k.iterationSeconds((int) x[0], (int) x[1], x[2]);
                double rs = r.iterationSeconds((int) x[0], (int) x[1], x[2]);
                assertTrue(ks / rs > 0.4 && ks / rs < 2.5, gpu + " " + java.util.Arrays.toString(x) + ": kernels "
                        + ks + " s vs roofline " + rs + " s");
            }
        }
    }

    @Test
    void theEngineChoosesItsOwnTables() {
        ServerSpec.Llm vllm = pool("H100-SXM-80GB", "llama-3.1-70b", 4, Precision.BF16, StepTimeMethod.KERNELS);
        ServerSpec.Llm trt = new ServerSpec.Llm(vllm.memory(), vllm.maxModelLen(), vllm.batching(), vllm.performance(),
                new EngineSpec("trtllm", "1.3.0rc20"));
        StepTimeModel a = StepTimeModels.of(vllm);
        StepTimeModel b = StepTimeModels.of(trt);
        assertTrue(a.provenance().profile().startsWith("vllm 0.24.0 kernels on h100_sxm"), a.provenance().profile());
        assertTrue(b.provenance().profile().startsWith("trtllm 1.3.0rc20 kernels on h100_sxm"), b.provenance().profile());
        assertTrue(a.iterationSeconds(4096, 0, 0) != b.iterationSeconds(4096, 0, 0));
        // TensorRT-LLM tables ship for H100 and B200 only: on H200 vLLM's kernels of that GPU stand in, flagged
        ServerSpec.Llm h200 = pool("H200-SXM-141GB", "llama-3.1-70b", 4, Precision.BF16, StepTimeMethod.KERNELS);
        StepTimeModel c = StepTimeModels.of(new ServerSpec.Llm(h200.memory(), h200.maxModelLen(), h200.batching(),
                h200.performance(), new EngineSpec("trtllm", "1.3.0rc20")));
        assertEquals(ProfileFit.EXTRAPOLATED, c.provenance().fit());
        assertTrue(c.provenance().profile().startsWith("vllm 0.24.0 kernels on h200_sxm"), c.provenance().profile());
        assertTrue(c.provenance().notes().get(0).contains("no trtllm 1.3.0rc20 kernel tables on H200-SXM-141GB"),
                c.provenance().notes().toString());
        // the stand-in's kernels are vLLM's: the same iteration time at the same overheads
        assertEquals(StepTimeModels.of(h200).iterationSeconds(4096, 0, 0), c.iterationSeconds(4096, 0, 0));
    }

    @Test
    void gpuWithoutKernelTablesFallsBackToAnUncalibratedRoofline() {
        StepTimeModel t = StepTimeModels.of(pool("MI300X", "llama-3.1-8b", 1, Precision.BF16, StepTimeMethod.KERNELS));
        assertTrue(t instanceof RooflineStepTime);
        assertEquals(ProfileFit.UNCALIBRATED, t.provenance().fit());
        assertTrue(t.provenance().notes().get(0).contains("no kernel tables"), t.provenance().notes().toString());
        EngineSpec e = StepTimeModels.defaultEngine("MI300X");
        assertEquals("vllm", e.name());
    }

    /**
     * B300 has no measured tables; B200's stand in (same HBM bandwidth, fp8 throughput and NVLink):
     * the same iteration times as on B200, and the pool says whose kernels it runs on.
     */
    @Test
    void blackwellUltraRunsOnItsSiblingsTables() {
        for (String[] c : new String[][]{{"B300-SXM-288GB", "B200-180GB"}, {"GB300-NVL72", "GB200-NVL72"}}) {
            StepTimeModel ultra = StepTimeModels.of(pool(c[0], "llama-3.1-70b", 4, Precision.FP8, StepTimeMethod.KERNELS));
            StepTimeModel sibling = StepTimeModels.of(pool(c[1], "llama-3.1-70b", 4, Precision.FP8,
                    StepTimeMethod.KERNELS));
            assertTrue(ultra instanceof KernelStepTime, c[0] + ": " + ultra.provenance());
            assertTrue(ultra.provenance().notes().get(0).contains("no kernel tables measured on " + c[0] + ": "
                    + c[1]), ultra.provenance().notes().toString());
            for (double[] x : new double[][]{{0, 1, 1000}, {0, 64, 64000}, {2048, 0, 0}, {512, 32, 40000}}) {
                assertEquals(sibling.iterationSeconds((int) x[0], (int) x[1], x[2]),
                        ultra.iterationSeconds((int) x[0], (int) x[1], x[2]), 1e-12, c[0] + " " + x[0]);
            }
        }
        assertEquals(KernelIndex.builtIn().directories().size(),
                KernelIndex.builtIn().directories().stream().distinct().count(), "each table set listed once");
    }

    /**
     * Where the tables lack the model's MoE kernel (TensorRT-LLM ships none), the experts a batch
     * reads run as one grouped GEMM, as engines run them: a decode step of DeepSeek-V3 at fp4 on 8
     * B200s then takes less than 8 times reading every weight once from HBM (attention, the
     * all-reduces and kernel floors add the rest). One kernel launch per expert, as first written,
     * put TensorRT-LLM MoE decode at 8 to 14 times the measured TPOT (docs/validation.md).
     */
    @Test
    void expertsWithoutAMoeTableAreOneGroupedGemm() {
        ServerSpec.Llm v = pool("B200-180GB", "deepseek-v3", 8, Precision.FP4, StepTimeMethod.KERNELS);
        KernelIndex.Entry trt = KernelIndex.builtIn().find("trtllm", "1.3.0rc20", "B200-180GB").orElseThrow();
        StepTimeModel t = KernelStepTime.build(v.memory(), v.batching(), v.maxModelLen(), KERNELS, 1, trt,
                KernelIndex.builtIn().tables(trt), new ArrayList<>());
        assertNotNull(t);
        assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("one grouped GEMM")),
                t.provenance().notes().toString());
        assertWithinWeightReads(t.iterationSeconds(0, 0, 64, 64 * 2000.0));
    }

    /**
     * TensorRT-LLM's tables ship no MoE blocks; the same GPU's vLLM tables measured the fused
     * kernels of DeepSeek's expert shape, and they time its experts (said in the notes).
     */
    @Test
    void anotherEnginesMeasuredMoeKernelsStandIn() {
        ServerSpec.Llm v = pool("B200-180GB", "deepseek-v3", 8, Precision.FP4, StepTimeMethod.KERNELS);
        StepTimeModel t = StepTimeModels.of(new ServerSpec.Llm(v.memory(), v.maxModelLen(), v.batching(),
                v.performance(), new EngineSpec("trtllm", "1.3.0rc20")));
        assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("not in trtllm 1.3.0rc20's tables: vllm")
                && n.contains("stands in")), t.provenance().notes().toString());
        assertTrue(t.provenance().notes().stream().noneMatch(n -> n.contains("one grouped GEMM")),
                t.provenance().notes().toString());
        assertWithinWeightReads(t.iterationSeconds(0, 0, 64, 64 * 2000.0));
    }

    /**
     * A decode step of DeepSeek-V3 at fp4 on 8 B200s takes less than 8 times reading every weight
     * once from HBM and more than a quarter of it (attention, the all-reduces and kernel floors add
     * the rest; a batch of 64 reads most experts).
     */
    private static void assertWithinWeightReads(double step) {
        double readAllWeights = CATALOG.model("deepseek-v3").weightBytes(Precision.FP4) / 8
                / CATALOG.gpu("B200-180GB").memoryBandwidthBytesPerSecond();
        assertTrue(step > readAllWeights / 4 && step < 8 * readAllWeights,
                "step " + step + " s, all weights read once " + readAllWeights + " s");
    }

    @Test
    void moeAndMlaModelsGetKernelTimes() {
        StepTimeModel ds = StepTimeModels.of(pool("H200-SXM-141GB", "deepseek-v3", 8, Precision.FP8_BLOCK,
                StepTimeMethod.KERNELS));
        assertTrue(ds instanceof KernelStepTime, ds.provenance().toString());
        StepTimeModel qwen = StepTimeModels.of(pool("H100-SXM-80GB", "qwen3-235b-a22b", 8, Precision.BF16,
                StepTimeMethod.KERNELS));
        assertTrue(qwen instanceof KernelStepTime, qwen.provenance().toString());
        StepTimeModel oss = StepTimeModels.of(pool("H100-SXM-80GB", "gpt-oss-120b", 1, Precision.MXFP4,
                StepTimeMethod.KERNELS));
        assertTrue(oss instanceof KernelStepTime, oss.provenance().toString());
        for (StepTimeModel t : List.of(ds, qwen, oss)) {
            double one = t.iterationSeconds(0, 0, 1, 1000);
            double many = t.iterationSeconds(0, 0, 64, 64000);
            assertTrue(one > 1e-3 && one < 0.2, t.provenance() + ": " + one);
            assertTrue(many > one, t.provenance().toString());
        }
    }

    @Test
    void expertParallelismInsideTensorParallelismUsesTheMeasuredEpLayoutWithoutAllToAll() {
        ServerSpec.Llm tp = pool("H100-SXM-80GB", "qwen3-235b-a22b", 8, Precision.BF16, StepTimeMethod.KERNELS);
        ServerSpec.Llm ep = new ServerSpec.Llm(tp.memory(), tp.maxModelLen(), tp.batching(), tp.performance(),
                tp.engine(), 8);
        StepTimeModel a = StepTimeModels.of(tp);
        StepTimeModel b = StepTimeModels.of(ep);
        assertTrue(b.provenance().profile().endsWith("ep 8"), b.provenance().profile());
        assertTrue(b.provenance().notes().stream().anyMatch(n -> n.contains("no all-to-all")), b.provenance().toString());
        assertTrue(a.iterationSeconds(0, 0, 64, 64000) != b.iterationSeconds(0, 0, 64, 64000));
    }

    /**
     * gpt-oss-120b's experts (128, top-4, 2880 wide) are not measured at nvfp4 on B200: the grouped
     * GEMM built from dense nvfp4 GEMMs is scaled by the measured fused nvfp4 MoE kernels of the
     * GPU's other shapes. Measured (aiconfigurator silicon, vLLM, tp 1, 1024/1024, concurrency 32):
     * TPOT 7.9 ms including engine time; the unscaled kernels alone summed 10.4 ms.
     */
    @Test
    void unmeasuredNvfp4ExpertsAreScaledByTheGpusMeasuredFusedMoeKernels() {
        StepTimeModel t = StepTimeModels.of(pool("B200-180GB", "gpt-oss-120b", 1, Precision.FP4, StepTimeMethod.KERNELS));
        assertTrue(t instanceof KernelStepTime, t.provenance().toString());
        assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("measured fused nvfp4 MoE kernels")),
                t.provenance().toString());
        double engine = PerformanceSpec.DEFAULT_ENGINE_ITERATION_SECONDS + 32 * PerformanceSpec.DEFAULT_ENGINE_SEQUENCE_SECONDS;
        double kernels = t.iterationSeconds(0, 0, 32, 32 * 1536.0) - engine;
        assertTrue(kernels < 7.9e-3 && kernels > 0.5 * 7.9e-3, "kernel time at batch 32: " + kernels);
        // a measured shape keeps its measured kernel: no note of scaling for DeepSeek-V3 at nvfp4 (7168 x 2048, 256 experts)
        StepTimeModel ds = StepTimeModels.of(pool("B200-180GB", "deepseek-v3", 8, Precision.FP4, StepTimeMethod.KERNELS));
        assertTrue(ds.provenance().notes().stream().noneMatch(n -> n.contains("measured fused")), ds.provenance().toString());
    }

    /** DeepSeek-V3 caches 512 latent + 64 rotary values per layer and token: 61 x 576 x 2 bytes at bf16. */
    @Test
    void mlaKvCacheIsTheCompressedLatent() {
        LlmModel ds = CATALOG.model("deepseek-v3");
        assertEquals(61 * (512 + 64) * 2.0, ds.kvBytesPerToken(2));
        assertEquals(61 * (512 + 64) * 1.0, ds.kvBytesPerToken(1));
        // not heads x head_dim: 2 x 61 x 128 x 192 x 2 would be 60 times more
        assertTrue(2.0 * 61 * 128 * 192 * 2 / ds.kvBytesPerToken(2) > 50);
        assertEquals(2.0 * 24 * 8 * 64 * 2, CATALOG.model("gpt-oss-20b").kvBytesPerToken(2));
    }

    /**
     * A weight-only (w4a16) GEMM by hand: int4 at 4.5 bits (0.5625 bytes) a weight, n = k = 4096 on
     * an HBM of 3.35 TB/s. The 16-bit GEMM reads 4096 x 4096 x 2 bytes of weights; the int4 one
     * 1.4375 bytes a weight fewer: 24,117,248 bytes, 7.199 us at 3.35 TB/s, taken off the 16-bit time.
     */
    @Test
    void weightOnlyGemmByHand() {
        double saved = 4096.0 * 4096 * 1.4375 / 3.35e12;
        assertEquals(7.1992e-6, saved, 1e-9);
        assertEquals(100e-6 - saved, KernelStepTime.weightOnlyGemm(100e-6, 4096, 4096, 0.5625, 3.35e12), 1e-15);
        // a 16-bit time below the datasheet read time (weights in L2): at most the byte ratio faster
        assertEquals(5e-6 * 0.5625 / 2, KernelStepTime.weightOnlyGemm(5e-6, 4096, 4096, 0.5625, 3.35e12), 1e-18);
        // a compute-bound GEMM keeps nearly its 16-bit time
        assertEquals(1 - saved / 10e-3, KernelStepTime.weightOnlyGemm(10e-3, 4096, 4096, 0.5625, 3.35e12) / 10e-3,
                1e-12);
    }

    /** Kimi-K2's experts at int4 weight-only: the measured int4_wo MoE table, the rest at bf16. */
    @Test
    void int4WeightOnlyUsesTheMeasuredW4a16Experts() {
        ServerSpec.Llm int4 = pool("H200-SXM-141GB", "kimi-k2", 8, Precision.INT4_WO, StepTimeMethod.KERNELS);
        assertEquals(KvCacheDtype.BF16, int4.memory().kvCache());
        StepTimeModel t = StepTimeModels.of(int4);
        assertTrue(t instanceof KernelStepTime, t.provenance().toString());
        assertTrue(t.provenance().notes().stream().noneMatch(n -> n.contains("grouped GEMM")),
                t.provenance().notes().toString());
        StepTimeModel fp8 = StepTimeModels.of(pool("H200-SXM-141GB", "kimi-k2", 8, Precision.FP8_BLOCK,
                StepTimeMethod.KERNELS));
        double a = t.iterationSeconds(0, 0, 8, 8000);
        double b = fp8.iterationSeconds(0, 0, 8, 8000);
        assertTrue(a > 0.3 * b && a < 3 * b, "int4 " + a + " s vs fp8 " + b + " s");
    }

    /**
     * Qwen3.5's Gated DeltaNet layers read and write each decoding sequence's state once per
     * iteration: at a fixed KV, 32 more sequences cost at least 32 x 2 x 192,061,440 / 8 bytes at
     * the datasheet bandwidth more (plus their GEMM rows and attention).
     */
    @Test
    void linearAttentionStateIsReadPerDecodingSequence() {
        StepTimeModel t = StepTimeModels.of(pool("B200-180GB", "qwen3.5-397b-a17b", 8, Precision.FP8_BLOCK,
                StepTimeMethod.KERNELS));
        assertTrue(t instanceof KernelStepTime, t.provenance().toString());
        assertEquals(ProfileFit.EXTRAPOLATED, t.provenance().fit());
        assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("linear-attention recurrence")),
                t.provenance().notes().toString());
        double perSequence = 2 * 45.0 * (64 * 128 * 128 * 4 + 3 * 12288 * 2) / 8
                / CATALOG.gpu("B200-180GB").memoryBandwidthBytesPerSecond();
        double more = t.iterationSeconds(0, 0, 64, 64_000) - t.iterationSeconds(0, 0, 32, 64_000);
        assertTrue(more >= 32 * perSequence, more + " s for 32 sequences, state alone " + 32 * perSequence + " s");
        assertTrue(more < 32 * perSequence + 0.01, more + " s");
    }

    /** GLM-5's sparse attention is flagged as timed dense, with the indexer's key in the KV cache. */
    @Test
    void sparseAttentionIsTimedDenseAndFlagged() {
        StepTimeModel t = StepTimeModels.of(pool("B200-180GB", "glm-5", 8, Precision.FP8_BLOCK,
                StepTimeMethod.KERNELS));
        assertTrue(t instanceof KernelStepTime, t.provenance().toString());
        assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("sparse attention timed as dense")),
                t.provenance().notes().toString());
        assertTrue(t.iterationSeconds(0, 0, 16, 16 * 8000.0) > t.iterationSeconds(0, 0, 16, 16 * 1000.0));
    }

    @Test
    void expectedDistinctExpertsGrowToAllExperts() {
        LlmModel.MoeLayers moe = CATALOG.model("deepseek-v3").moe();
        assertEquals(8, moe.expectedDistinctExperts(1), 1e-9);
        assertTrue(moe.expectedDistinctExperts(16) < 16 * 8);
        assertEquals(256, moe.expectedDistinctExperts(4096), 1e-6);
    }
}
