package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.KvAdmission;
import io.fleetsim.spec.PrefillBatching;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/**
 * The benchmark client against hand-computed step times: at concurrency 1 a request runs alone,
 * so its TTFT is one prefill iteration and its TPOT the mean decode iteration.
 */
class ClosedLoopBenchmarkTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    private static final LlmModel LLAMA_8B = CATALOG.model("llama-3.1-8b");

    private static ServerSpec.Llm server(Gpu gpu, PerformanceSpec performance, int maxNumSeqs) {
        ReplicaMemory memory = new ReplicaMemory(gpu, LLAMA_8B, 1, Precision.BF16, 0.9);
        return new ServerSpec.Llm(memory, LLAMA_8B.contextLength(), new BatchingSpec(maxNumSeqs, 8192), performance);
    }

    @Test
    void withOnlyAnIterationOverheadEveryStepTakesExactlyThatLong() {
        // A GPU so fast that compute and memory take no time: every iteration is the 10 ms overhead.
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        SimulatedLatency s = ClosedLoopBenchmark.run(server(instant, new PerformanceSpec(1, 1, 0.010), 1), 1, 1000,
                100);
        assertEquals(0.010, s.meanTtftSeconds(), 1e-12, "TTFT = one prefill iteration");
        assertEquals(0.010, s.meanTpotSeconds(), 1e-12, "TPOT = one decode iteration");
        assertEquals(ClosedLoopBenchmark.MIN_MEASURED, s.requests());
    }

    @Test
    void aLoneRequestOnAnH100MatchesTheRooflineByHand() {
        Gpu h100 = CATALOG.gpu("H100-SXM-80GB");
        PerformanceSpec p = new PerformanceSpec(0.5, 0.7, 0.003);
        int isl = 1024;
        int osl = 128;
        SimulatedLatency s = ClosedLoopBenchmark.run(server(h100, p, 1), 1, isl, osl);

        double flopsPerToken = 2 * 8.03e9;
        double attentionFlops = 4.0 * 32 * 32 * 128;
        double computeRate = 989e12 * 0.5;
        double weights = 8.03e9 * 2;
        double kvPerToken = 2.0 * 32 * 8 * 128 * 2;
        double memoryRate = 3.35e12 * 0.7;
        // Prefill: the whole prompt in one iteration; each token attends to itself and those before.
        double prefillCompute = (isl * flopsPerToken + attentionFlops * isl * (isl + 1) / 2.0) / computeRate;
        double prefill = 0.003 + Math.max(prefillCompute, weights / memoryRate);
        // Decode at batch 1 is memory-bound: iteration k reads the weights and isl + 1 + k tokens of KV.
        double decodeSum = 0;
        for (int k = 0; k < osl - 1; k++) {
            double kv = isl + 1 + k;
            double compute = (flopsPerToken + attentionFlops * kv) / computeRate;
            double memory = (weights + kvPerToken * kv) / memoryRate;
            assertTrue(memory > compute, "batch-1 decode is memory-bound");
            decodeSum += 0.003 + memory;
        }
        assertEquals(prefill, s.meanTtftSeconds(), 1e-9 * prefill);
        assertEquals(decodeSum / (osl - 1), s.meanTpotSeconds(), 1e-9 * decodeSum / osl);
    }

    @Test
    void moreClientsThanSlotsQueueAndTheQueueShowsInTtftOnly() {
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        PerformanceSpec p = new PerformanceSpec(1, 1, 0.010);
        // 4 clients, one slot: each request waits for the 3 others (100 iterations each) to finish.
        SimulatedLatency s = ClosedLoopBenchmark.run(server(instant, p, 1), 4, 1000, 100);
        assertEquals(0.010, s.meanTpotSeconds(), 1e-12);
        assertEquals(3 * 100 * 0.010 + 0.010, s.meanTtftSeconds(), 1e-9);
    }

    @Test
    void theRequestLatencyIsInTtftAndNotInTpot() {
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        SimulatedLatency s = ClosedLoopBenchmark.run(server(instant, new PerformanceSpec(1, 1, 0.010), 1), 1, 1000,
                100, ClosedLoopBenchmark.Length.VALIDATION, 0.050);
        assertEquals(0.060, s.meanTtftSeconds(), 1e-12);
        assertEquals(0.010, s.meanTpotSeconds(), 1e-12);
    }

    @Test
    void theFirstWaveOfABenchmarkPrefillsTogether() {
        // 4 clients send at once to an idle replica with a budget of 2000 tokens per 10 ms
        // iteration: prompts A and B fill the first (first tokens at 10 ms); in the second the two
        // decoding sequences take 2 tokens, C gets 1000 (20 ms) and D 998, its last 2 tokens in the
        // third (30 ms). Mean (10 + 10 + 20 + 30) / 4 = 17.5 ms.
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        ReplicaMemory memory = new ReplicaMemory(instant, LLAMA_8B, 1, Precision.BF16, 0.9);
        ServerSpec.Llm server = new ServerSpec.Llm(memory, LLAMA_8B.contextLength(), new BatchingSpec(4, 2000),
                new PerformanceSpec(1, 1, 0.010));
        SimulatedLatency first = ClosedLoopBenchmark.firstWave(server, 4, 1000, 100, 0);
        assertEquals(0.0175, first.meanTtftSeconds(), 1e-12);
        assertEquals(4, first.requests());
    }

    @Test
    void aFrontEndSlowerPerRequestInFlightHandsABurstOverOneByOne() {
        // The same 4 clients sending at once, but the front end takes 22 ms more per request in
        // flight: the n-th request sent reaches the engine at 22 n ms (first come, first served).
        // A prefills alone in 22-32 ms and decodes in iterations ending 42, 52, ...; B (44 ms)
        // joins the iteration of 52-62, C (66 ms) that of 72-82, D (88 ms) that of 92-102. First
        // tokens at 32, 62, 82 and 102 ms after the send at 0: mean 69.5 ms.
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        ReplicaMemory memory = new ReplicaMemory(instant, LLAMA_8B, 1, Precision.BF16, 0.9);
        ServerSpec.Llm server = new ServerSpec.Llm(memory, LLAMA_8B.contextLength(), new BatchingSpec(4, 2000),
                new PerformanceSpec(1, 1, 0.010).withRequestLatencyPerInFlight(0.022));
        SimulatedLatency first = ClosedLoopBenchmark.firstWave(server, 4, 1000, 100, 0);
        assertEquals(0.0695, first.meanTtftSeconds(), 1e-12);
    }

    @Test
    void aClosedLoopSendsWithAllItsClientsInFlight() {
        // One client: every request is sent with one in flight (itself), so it reaches the engine
        // 5 + 3 ms after it is sent and prefills in one 10 ms iteration: TTFT 18 ms. TPOT is the
        // engine's alone.
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        ServerSpec.Llm server = server(instant, new PerformanceSpec(1, 1, 0.010).withRequestLatencyPerInFlight(0.003), 1);
        SimulatedLatency s = ClosedLoopBenchmark.run(server, 1, 1000, 100, ClosedLoopBenchmark.Length.VALIDATION, 0.005);
        assertEquals(0.018, s.meanTtftSeconds(), 1e-9);
        assertEquals(0.010, s.meanTpotSeconds(), 1e-9);
    }

    @Test
    void aLockstepLoopUnderSeparatePrefillStaysInWavesAndTheSpreadStartLeavesThem() {
        // SGLang-style prefill batches, 10 ms per iteration whatever it holds, 4 clients of 8192
        // prompt tokens (one prompt fills the budget) and 10 output tokens, all sent at once:
        // prompts A..D prefill alone in iterations 1..4 (first tokens at 10, 20, 30, 40 ms) while
        // decoding pauses, then all decode their 9 other tokens in the same 9 iterations and end
        // together at 130 ms, so the next wave is sent together and repeats it. Every measured
        // request is in such a wave: mean TTFT (10 + 20 + 30 + 40) / 4 = 25 ms, mean TPOT
        // ((130 - 10) + (130 - 20) + (130 - 30) + (130 - 40)) / 9 / 4 = 420 / 36 ms.
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        ReplicaMemory memory = new ReplicaMemory(instant, LLAMA_8B, 1, Precision.BF16, 0.9);
        ServerSpec.Llm server = new ServerSpec.Llm(memory, LLAMA_8B.contextLength(),
                new BatchingSpec(4, 8192, KvAdmission.ON_PROMPT, PrefillBatching.SEPARATE),
                new PerformanceSpec(1, 1, 0.010));
        ClosedLoopBenchmark.ServerFactory replica = (sim, source, listener) -> new LlmReplica(sim, 0, server, source,
                listener);
        SimulatedLatency lockstep = ClosedLoopBenchmark.run(replica, 4, 8192, 10,
                ClosedLoopBenchmark.Length.VALIDATION, 0, 0, 0);
        assertEquals(0.025, lockstep.meanTtftSeconds(), 1e-12);
        assertEquals(0.420 / 36, lockstep.meanTpotSeconds(), 1e-12);
        // Spread over a request time, a prompt arrives while at most one iteration is under way
        // and is prefilled in the next: TTFT between 10 and 20 ms.
        SimulatedLatency spread = ClosedLoopBenchmark.run(server, 4, 8192, 10);
        assertTrue(spread.meanTtftSeconds() > 0.010 && spread.meanTtftSeconds() <= 0.020 + 1e-12,
                "spread TTFT " + spread.meanTtftSeconds());
    }

    @Test
    void requestsSentRarelyAtARateRunAlone() {
        // One request every 100 s on a replica that takes 10 ms per iteration: never two at once.
        Gpu instant = new Gpu("instant", 80e9, 1e30, 1e30, 1e30, 0, 1e30, "test");
        SimulatedLatency s = OpenLoopBenchmark.run(server(instant, new PerformanceSpec(1, 1, 0.010), 8), 0.01, false,
                1000, 100, 0.005);
        assertEquals(0.015, s.meanTtftSeconds(), 1e-9);
        assertEquals(0.010, s.meanTpotSeconds(), 1e-9);
        assertEquals(OpenLoopBenchmark.MEASURED, s.requests());
    }

    @Test
    void theSameRunGivesTheSameNumbers() {
        Gpu h100 = CATALOG.gpu("H100-SXM-80GB");
        ServerSpec.Llm server = server(h100, PerformanceSpec.DEFAULT, 64);
        assertEquals(ClosedLoopBenchmark.run(server, 48, 2048, 256), ClosedLoopBenchmark.run(server, 48, 2048, 256));
    }
}
