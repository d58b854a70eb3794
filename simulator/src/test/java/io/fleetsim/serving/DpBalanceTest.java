package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/**
 * Attention-DP balancing ({@link BatchingSpec#dpBalanceIterations}): new prompts wait for every
 * rank to have one, or for a rank with nothing to decode, or for the timeout, as TensorRT-LLM's
 * {@code enable_balance} does.
 */
class DpBalanceTest {

    private static final Gpu GPU = new Gpu("toy", 80e9, 1e12, 1e14, 2e14, 0, 1e11, "test");
    private static final LlmModel MODEL = new LlmModel("toy-moe", 8e6, 3.2e6, 2, 1000, 8, 8, 100, 4096, "test",
            400, 1000, new LlmModel.MoeLayers(10, 2, 0, 100, 0), null, null);
    private static final PerformanceSpec IDEAL = new PerformanceSpec(1, 1, 0);

    private static ServerHarness<LlmReplica> replica(int ranks, int balance) {
        ReplicaMemory memory = new ReplicaMemory(GPU, MODEL, 4, Precision.BF16, 0.9, KvCacheDtype.BF16, ranks);
        return ServerHarness.replica(new ServerSpec.Llm(memory, 4096, new BatchingSpec(64, 8192).withDpBalance(balance),
                IDEAL));
    }

    /** Two sequences decode (one a rank); the timings of a decode iteration there. */
    private static ServerHarness<LlmReplica> twoDecoding(int ranks, int balance) {
        ServerHarness<LlmReplica> h = replica(ranks, balance);
        h.arrive(0, 100, 3000);
        h.arrive(0, 100, 3000);
        return h;
    }

    @Test
    void aLonePromptWaitsForTheSecondRanksPrompt() {
        ServerHarness<LlmReplica> h = twoDecoding(2, 60);
        double decode = h.steps.iterationSeconds(0, 0, 2, 2 * 150.0);
        double first = 40 * decode;
        double second = first + 20 * decode;
        int a = h.arrive(first, 100, 10);
        int b = h.arrive(second, 100, 10);
        h.run();
        // both start together, at the end of the iteration under way when the second arrived
        assertEquals(h.of(a).admittedAt(), h.of(b).admittedAt(), 0);
        assertTrue(h.of(b).admittedAt() >= second && h.of(b).admittedAt() < second + 1.01 * decode,
                h.of(b).admittedAt() + " vs " + second);
        // the same arrivals without balancing: the first starts at once
        ServerHarness<LlmReplica> plain = twoDecoding(2, 0);
        int c = plain.arrive(first, 100, 10);
        plain.arrive(second, 100, 10);
        plain.run();
        assertTrue(plain.of(c).admittedAt() < first + 1.01 * decode, String.valueOf(plain.of(c).admittedAt()));
    }

    @Test
    void aLonePromptStartsAfterTheTimeout() {
        ServerHarness<LlmReplica> h = twoDecoding(2, 60);
        double decode = h.steps.iterationSeconds(0, 0, 2, 2 * 150.0);
        double at = 40 * decode;
        int a = h.arrive(at, 100, 10);
        h.run();
        double waited = (h.of(a).admittedAt() - at) / decode;
        // held from the end of the iteration under way for 60 iterations (KV grows a little meanwhile)
        assertTrue(waited > 59.5 && waited < 62, "waited " + waited + " iterations");
    }

    @Test
    void noWaitWhenARankHasNothingToDecodeOrWithoutRanks() {
        ServerHarness<LlmReplica> idle = replica(2, 60);
        idle.arrive(0, 100, 3000);
        double decode = idle.steps.iterationSeconds(0, 0, 1, 150.0);
        int a = idle.arrive(40 * decode, 100, 10);
        idle.run();
        assertTrue(idle.of(a).admittedAt() < 41.01 * decode, String.valueOf(idle.of(a).admittedAt()));

        ServerHarness<LlmReplica> oneRank = twoDecoding(1, 60);
        double d1 = oneRank.steps.iterationSeconds(0, 0, 2, 2 * 150.0);
        int b = oneRank.arrive(40 * d1, 100, 10);
        oneRank.run();
        assertTrue(oneRank.of(b).admittedAt() < 41.01 * d1, String.valueOf(oneRank.of(b).admittedAt()));
    }
}
