package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.spec.PerformanceSpec;
import org.junit.jupiter.api.Test;

/** The roofline with attention data-parallel ranks, computed by hand. */
class RooflineDataParallelTest {

    /** 1 TB/s, 100 TFLOP/s at bf16, 100 GB/s between GPUs. */
    private static final Gpu GPU = new Gpu("toy", 80e9, 1e12, 1e14, 2e14, 0, 1e11, "test");
    /**
     * Two MoE layers, hidden 1,000, 8 heads of 100, 10 routed experts of width 100, top-2: routed
     * experts 2 x 10 x 3 x 1,000 x 100 = 6e6 of 8e6 parameters, 2e6 + 6e6 x 2 / 10 = 3.2e6 active.
     * KV 2 x 2 layers x 8 heads x 100 x 2 bytes = 6,400 bytes a token.
     */
    private static final LlmModel MODEL = new LlmModel("toy-moe", 8e6, 3.2e6, 2, 1000, 8, 8, 100, 4096, "test",
            400, 1000, new LlmModel.MoeLayers(10, 2, 0, 100, 0), null, null);
    private static final PerformanceSpec IDEAL = new PerformanceSpec(1, 1, 0);

    private static RooflineStepTime roofline(int ranks) {
        return new RooflineStepTime(new ReplicaMemory(GPU, MODEL, 4, Precision.BF16, 0.9, KvCacheDtype.BF16, ranks),
                IDEAL);
    }

    @Test
    void decodeOnTwoRanksOfTwoGpusByHand() {
        // 4 sequences of 1,000 tokens: the busiest rank decodes 2 of them, reading 2,000 tokens of KV.
        // memory: (4e6 rank weight bytes + 6,400 x 2,000) / 2 TB/s + 12e6 routed bytes / 4 TB/s = 11.4 us
        // compute: (2 x 4e6 + 6,400 x 2,000) / 2e14 + 4 x 2.4e6 / 4e14 = 0.128 us (memory-bound)
        // all-reduce at tp 2: 2 layers x 2 x (1/2 x 1,000 x 2 bytes x 2) / 1e11 = 80 ns a token, x 2
        double expected = 11.4e-6 + 0.16e-6;
        assertEquals(expected, roofline(2).iterationSeconds(0, 0, 4, 4000.0), 1e-15);
    }

    @Test
    void oneRankIsTheTensorParallelRoofline() {
        // memory: (16e6 + 6,400 x 4,000) / 4 TB/s = 10.4 us; all-reduce at tp 4: 2 x 2 x 3,000 / 1e11 x 4 tokens
        double expected = 10.4e-6 + 0.48e-6;
        assertEquals(expected, roofline(1).iterationSeconds(0, 0, 4, 4000.0), 1e-15);
    }

    @Test
    void aDecodeSegmentIsTheSumOfItsIterations() {
        for (int ranks : new int[]{1, 2, 4}) {
            RooflineStepTime t = roofline(ranks);
            double sum = 0;
            for (int k = 0; k < 50; k++) {
                sum += t.iterationSeconds(0, 0, 5, 5 * 800.0 + 5 * k);
            }
            assertEquals(sum, t.decodeSegmentSeconds(5, 5 * 800.0, 50), 1e-12 * sum, "ranks " + ranks);
        }
    }

    @Test
    void aSinglePromptIsPrefilledOnOneRank() {
        // 2,000 prompt tokens from scratch on 2 ranks: one prompt, all of it on one rank, which
        // computes what a tensor-parallel replica of its 2 GPUs would, bar the routed experts. Its
        // attention: 2,000 x 2,001 / 2 token pairs of the prompt, and the roofline's read of the
        // 2,000 cached tokens.
        RooflineStepTime dp2 = roofline(2);
        double rankFlops = (2000 * 4e6 + 6400.0 * (2000 * 2001 / 2 + 2000)) / 2e14 + 2000 * 2.4e6 / 4e14;
        double memory = (4e6 + 6400.0 * 2000) / 2e12 + 12e6 / 4e12;
        double allReduce = 2000 * 80e-9;
        assertEquals(allReduce + Math.max(rankFlops, memory), dp2.iterationSeconds(2000, 0, 2000.0), 1e-12);
    }
}
