package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.kernels.KernelSet;
import io.fleetsim.kernels.LogGrid;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/** MLA decode as a roofline of the measured prefill FLOP rate and decode read rate, by hand. */
class MlaDecodeTest {

    /** A latent of 128 values, no rope part: 256 bytes read and 2 x (128 + 128) FLOPs per head per cached token. */
    private static final LlmModel.LatentAttention LATENT = new LlmModel.LatentAttention(128, 0, 128, 128, 0);
    private static final KernelSet.AttentionShape CONTEXT = new KernelSet.AttentionShape("bfloat16", 0, 1, 1, 128);
    private static final KernelSet.AttentionShape DECODE = new KernelSet.AttentionShape("bfloat16", 0, 32, 1, 128);

    private static LogGrid point(double x0, double x1, double us) {
        return new LogGrid(new double[][]{{x0}, {x1}}, new double[]{us * 1e-6});
    }

    private static MlaDecode decodeReadIn(double us) {
        // Prefill: 1 head of 128 over 1,024 tokens = 2 x 128 x 1024^2 FLOPs in 1 us = 268.4 TFLOP/s.
        // Decode: 1 sequence of 1,024 tokens, K and V of 1 head of 128 at 2 bytes = 524,288 bytes.
        return MlaDecode.of(LATENT, 2, CONTEXT, point(1, 1024, 1), DECODE, point(1, 1024, us));
    }

    @Test
    void balanceHeadsByHand() {
        MlaDecode d = decodeReadIn(0.5);
        assertEquals(2 * 128 * 1024.0 * 1024 / 1e-6, d.flopsPerSecond(), 1);
        assertEquals(524_288 / 0.5e-6, d.bytesPerSecond(), 1e-3);
        // 256 FLOPs per byte x 256 bytes / 512 FLOPs per head = 128 heads
        assertEquals(128, d.balanceHeads(), 1e-9);
        assertEquals(1, d.stretch(16));
        assertEquals(1, d.stretch(64));
        assertEquals(1, d.stretch(128));
        assertEquals(2, d.stretch(256), 1e-12);
    }

    @Test
    void theMeasuredKernelCoversItsOwnHeadsEvenWhenFlopsWouldDominate() {
        // Reads 8x faster: 16 heads' FLOPs already outlast the read.
        MlaDecode d = decodeReadIn(0.0625);
        assertEquals(16, d.balanceHeads(), 1e-9);
        assertEquals(1, d.stretch(32));
        assertEquals(2, d.stretch(64), 1e-12);
        assertEquals(4, d.stretch(128), 1e-12);
    }

    @Test
    void bestRatesAreTaken() {
        LogGrid context = new LogGrid(new double[][]{{1}, {256, 1024}}, new double[]{1e-6, 1e-6});
        LogGrid decode = new LogGrid(new double[][]{{1, 4}, {1024}}, new double[]{0.5e-6, 4e-6});
        MlaDecode d = MlaDecode.of(LATENT, 2, CONTEXT, context, DECODE, decode);
        assertEquals(2 * 128 * 1024.0 * 1024 / 1e-6, d.flopsPerSecond(), 1);
        assertEquals(524_288 / 0.5e-6, d.bytesPerSecond(), 1e-3);
    }

    @Test
    void deepSeekUnderAttentionDataParallelismSaysHowItsDecodeIsTimed() {
        HardwareCatalog catalog = CatalogReader.builtIn();
        ReplicaMemory memory = new ReplicaMemory(catalog.gpu("H200-SXM-141GB"), catalog.model("deepseek-v3"), 8,
                Precision.FP8_BLOCK, 0.9, KvCacheDtype.defaultFor(Precision.FP8_BLOCK), 8);
        ServerSpec.Llm server = new ServerSpec.Llm(memory, 8192, new BatchingSpec(256, 8192),
                PerformanceSpec.KERNEL_DEFAULT, StepTimeModels.defaultEngine("H200-SXM-141GB"));
        StepTimeModel t = StepTimeModels.of(server);
        assertTrue(t instanceof KernelStepTime, t.provenance().toString());
        assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("MLA decode of 128 heads per GPU")
                && n.contains("reading the latent once")), t.provenance().notes().toString());
        // Decode attention grows with the KV read, and a step's time with it.
        assertTrue(t.iterationSeconds(0, 0, 64, 64 * 8192.0) > t.iterationSeconds(0, 0, 64, 64 * 1024.0));
    }
}
