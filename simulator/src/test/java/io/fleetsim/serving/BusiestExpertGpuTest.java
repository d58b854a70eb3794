package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BusiestExpertGpuTest {

    /** Known values: E max of 2 normals is 1/sqrt(pi); of 4 and 8 from order-statistics tables. */
    @Test
    void expectedMaximaOfNormals() {
        assertEquals(0, BusiestExpertGpu.expectedMaxOfNormals(1), 0);
        assertEquals(1 / Math.sqrt(Math.PI), BusiestExpertGpu.expectedMaxOfNormals(2), 1e-6);
        assertEquals(1.02938, BusiestExpertGpu.expectedMaxOfNormals(4), 1e-5);
        assertEquals(1.42360, BusiestExpertGpu.expectedMaxOfNormals(8), 1e-5);
    }

    /**
     * One token, top-8 of 256 experts over 8 GPUs: mean 1 copy per GPU, variance
     * 8 x 1/8 x 7/8 x 248/255 = 0.85098, so the busiest holds 1 + 0.92249 x 1.42360 = 2.3133.
     */
    @Test
    void oneDeepSeekTokenOverEightGpusByHand() {
        double sd = Math.sqrt(8 * 0.125 * 0.875 * 248 / 255.0);
        assertEquals(1 + sd * 1.42360, BusiestExpertGpu.loadFactor(1, 8, 256, 8, 1.42360), 1e-9);
        assertEquals(2.3133, BusiestExpertGpu.loadFactor(1, 8, 256, 8, 1.42360), 1e-4);
    }

    /** 4 experts, top 2, one per GPU: one token's mean is half a copy, the busiest GPU can hold only 1. */
    @Test
    void aGpuNeverReceivesMoreThanItsExpertsCanTake() {
        assertEquals(2, BusiestExpertGpu.loadFactor(1, 2, 4, 4, BusiestExpertGpu.expectedMaxOfNormals(4)), 1e-12);
    }

    @Test
    void noExpertParallelismNoImbalanceAndManyTokensEvenOut() {
        assertEquals(1, BusiestExpertGpu.loadFactor(5, 8, 256, 1, 0), 0);
        double z = BusiestExpertGpu.expectedMaxOfNormals(8);
        double small = BusiestExpertGpu.loadFactor(16, 8, 256, 8, z);
        double large = BusiestExpertGpu.loadFactor(16384, 8, 256, 8, z);
        assertTrue(small > large && large > 1 && large < 1.03, small + " " + large);
    }

    /** Against sampled routing: 64 tokens, top-8 of 256 experts on 8 GPUs, mean busiest load over many steps. */
    @Test
    void agreesWithSampledRouting() {
        SplittableRandom random = new SplittableRandom(7);
        int steps = 20000;
        int tokens = 64;
        double sum = 0;
        int[] load = new int[8];
        int[] experts = new int[256];
        for (int i = 0; i < 256; i++) {
            experts[i] = i;
        }
        for (int s = 0; s < steps; s++) {
            java.util.Arrays.fill(load, 0);
            for (int t = 0; t < tokens; t++) {
                for (int j = 0; j < 8; j++) {
                    int pick = j + random.nextInt(256 - j);
                    int e = experts[pick];
                    experts[pick] = experts[j];
                    experts[j] = e;
                    load[e / 32]++;
                }
            }
            int max = 0;
            for (int l : load) {
                max = Math.max(max, l);
            }
            sum += max;
        }
        double sampled = sum / steps / (tokens * 8 / 8.0);
        double model = BusiestExpertGpu.loadFactor(tokens, 8, 256, 8, BusiestExpertGpu.expectedMaxOfNormals(8));
        assertEquals(sampled, model, 0.02 * sampled);
    }
}
