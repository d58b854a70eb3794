package io.fleetsim.serving;

import static io.fleetsim.serving.ReferenceReplica.A;
import static io.fleetsim.serving.ReferenceReplica.C;
import static io.fleetsim.serving.ReferenceReplica.CATALOG;
import static io.fleetsim.serving.ReferenceReplica.F;
import static io.fleetsim.serving.ReferenceReplica.K;
import static io.fleetsim.serving.ReferenceReplica.M;
import static io.fleetsim.serving.ReferenceReplica.OVERHEAD;
import static io.fleetsim.serving.ReferenceReplica.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.serving.ServerHarness.Done;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.KvAdmission;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.PrefillBatching;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of one {@link LlmReplica} and of {@link StepTimeModel}, on the
 * {@link ReferenceReplica} (llama-3.1-8b in BF16 on one H100-SXM-80GB):
 *
 * <pre>
 *   iteration = 0.003 + max(((p + d) F + A (ctx + dkv)) / C, (W + K kv) / M)
 * </pre>
 *
 * for {@code p} prefill tokens whose attention context sums to {@code ctx} (a chunk of {@code c}
 * tokens after {@code q} cached ones: c q + c (c + 1) / 2), {@code d} decoding sequences holding
 * {@code dkv} tokens of KV cache, and {@code kv} tokens of KV cache held in all (decoding plus the
 * already prefilled chunks of prompts, which prefill attention reads but counts in {@code ctx}).
 */
class LlmReplicaTest {

    /** One iteration of the reference replica; {@code prefill} tokens are one chunk after {@code cached}. */
    private static double handIteration(int prefill, int cached, int decode, double decodeKv, double kv) {
        return ReferenceReplica.iteration(prefill, cached, decode, decodeKv, kv);
    }

    /** An iteration in which all KV held belongs to decoding sequences. */
    private static double handIteration(int prefill, int cached, int decode, double kv) {
        return handIteration(prefill, cached, decode, kv, kv);
    }

    /** A whole prompt from scratch, as in {@code StepTimeModel.iterationSeconds(p, d, kv)}. */
    private static double handIteration(int prefill, int decode, double kv) {
        return handIteration(prefill, 0, decode, kv);
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    private static ReplicaMemory memory(String gpu, String model, int tp, Precision precision, double utilization) {
        return new ReplicaMemory(CATALOG.gpu(gpu), CATALOG.model(model), tp, precision, utilization);
    }

    // ------------------------------------------------------------------ single request

    @Test
    void loneRequestTakesOnePrefillIterationThenOneDecodeSegment() {
        var h = ServerHarness.replica(ReferenceReplica.spec(256, 8192));
        double t0 = 10.0;
        h.arrive(t0, 1000, 200);
        Done d = h.run().of(0);

        // Prefill of 1000 tokens, nothing in the cache: compute-bound.
        //   compute = (1000 * 1.606e10 + 524288 * 1000 * 1001 / 2) / 4.945e14 = 0.0330078992 s
        //   memory  = 1.606e10 / 2.345e12 = 0.0068486 s
        //   TTFT = 0.003 + 0.0330078992 = 0.0360078992 s
        double ttft = OVERHEAD + (1000 * F + A * 1000 * 1001 / 2) / C;
        assertEquals(0.036007899178968655, ttft, 1e-15);
        assertRel(ttft, handIteration(1000, 0, 0), "hand iteration");
        assertRel(ttft, h.steps.iterationSeconds(1000, 0, 0), "StepTimeModel prefill");
        // Then 199 decode iterations of one sequence, the cache holding 1001, 1002, ..., 1199 tokens:
        // memory-bound (compute (F + A kv) / C = 3.4e-5 s << memory 6.9e-3 s), so
        //   sum_k 0.003 + (W + K (1001 + k)) / M = 199 (0.003 + W/M) + K/M (199*1001 + 199*198/2) = 1.97210945... s
        int n = 199;
        double decode = n * (OVERHEAD + W / M) + K / M * (n * 1001.0 + n * (n - 1) / 2.0);
        assertEquals(1.9721094502345, decode, 1e-12);
        assertRel(decode, h.steps.decodeSegmentSeconds(1, 1001, n), "StepTimeModel decode segment");

        assertEquals(t0, d.admittedAt(), 0, "no queue when idle");
        assertRel(ttft, d.firstTokenAt() - t0, "TTFT");
        assertRel(ttft + decode, d.completedAt() - t0, "E2E");
        assertRel(2.00811734941351, d.completedAt() - t0, "E2E literal");
    }

    @Test
    void oneTokenOutputCompletesAtFirstToken() {
        var h = ServerHarness.replica(ReferenceReplica.spec(256, 8192));
        h.arrive(0, 300, 1);
        Done d = h.run().of(0);
        assertRel(handIteration(300, 0, 0), d.firstTokenAt(), "TTFT");
        assertEquals(d.firstTokenAt(), d.completedAt());
    }

    // ------------------------------------------------------------------ chunked prefill

    @Test
    void longPromptIsPrefilledInChunks() {
        int budget = 2048;
        for (int prompt : new int[] {1, 2047, 2048, 2049, 4096, 5000, 8193}) {
            var h = ServerHarness.replica(ReferenceReplica.spec(256, budget));
            h.arrive(0, prompt, 2);
            Done d = h.run().of(0);
            // ceil(prompt / budget) iterations; each attends to and holds the KV of the chunks before it.
            int chunks = (prompt + budget - 1) / budget;
            double expected = 0;
            for (int i = 0; i < chunks; i++) {
                int chunk = Math.min(budget, prompt - i * budget);
                expected += handIteration(chunk, i * budget, 0, 0, (double) i * budget);
            }
            assertRel(expected, d.firstTokenAt(), "TTFT of a " + prompt + "-token prompt");
            assertRel(expected + handIteration(0, 1, prompt + 1), d.completedAt(), "E2E of " + prompt);
        }
        // By hand for 5000 tokens: chunks 2048, 2048, 904, all compute-bound. The chunks' attention
        // contexts add up to 5000 * 5001 / 2 (every prompt token attends to all before it), so
        // TTFT = 3 * 0.003 + (5000 F + A (5000 * 5001 / 2)) / C = 0.18464188 s.
        double byHand = 3 * OVERHEAD + (5000 * F + A * (5000 * 5001 / 2.0)) / C;
        assertEquals(0.18464188214357938, byHand, 1e-15);
        var h = ServerHarness.replica(ReferenceReplica.spec(256, budget));
        h.arrive(0, 5000, 2);
        assertRel(byHand, h.run().of(0).firstTokenAt(), "5000-token TTFT");
    }

    // ------------------------------------------------------------------ batching

    /**
     * N identical requests arriving at one instant at an idle replica share its first iteration.
     */
    @Test
    void simultaneousArrivalsAtAnIdleReplicaShareTheFirstIteration() {
        int n = 4;
        var alone = ServerHarness.replica(ReferenceReplica.spec(256, 8192));
        alone.arrive(1.0, 500, 100);
        Done single = alone.run().of(0);
        double singleE2e = single.completedAt() - 1.0;

        var h = ServerHarness.replica(ReferenceReplica.spec(256, 8192));
        for (int i = 0; i < n; i++) {
            h.arrive(1.0, 500, 100);
        }
        h.run();
        // All four share one prefill iteration of 4 x 500 tokens (each prompt attending to itself
        // only), then decode together (batch 4, the cache holding 4 x 501 tokens at first).
        double ttft = OVERHEAD + (n * 500 * F + A * n * 500 * 501 / 2.0) / C;
        assertRel(ttft, h.steps.iterationSeconds(n * 500, n * StepTimeModel.prefillContext(0, 500), 0, 0),
                "hand vs StepTimeModel");
        double e2e = ttft + h.steps.decodeSegmentSeconds(n, n * 501.0, 99);
        for (int i = 0; i < n; i++) {
            Done d = h.of(i);
            assertEquals(1.0, d.admittedAt(), 0, "request " + i + " admitted at once");
            assertRel(ttft, d.firstTokenAt() - 1.0, "TTFT of request " + i);
            assertRel(e2e, d.completedAt() - 1.0, "E2E of request " + i);
        }
        assertTrue(e2e < n * singleE2e, "batching must beat serial service");
        // Memory-bound decode: four sequences take barely longer than one.
        assertTrue(e2e < 1.2 * singleE2e);
    }

    /**
     * N identical requests arriving at one instant while the replica is decoding join at the same
     * iteration boundary, are prefilled in one iteration and decode side by side: same TTFT, same
     * completion, far less than N times the time of one.
     */
    @Test
    void simultaneousIdenticalRequestsAreBatchedTogether() {
        int n = 4;
        double t = 2.0;
        var alone = ServerHarness.replica(ReferenceReplica.spec(256, 8192));
        alone.arrive(0, 100, 3000);
        alone.arrive(t, 500, 100);
        alone.run();
        double singleE2e = alone.of(1).completedAt() - t;

        var h = ServerHarness.replica(ReferenceReplica.spec(256, 8192));
        h.arrive(0, 100, 3000); // a long request already decoding
        for (int i = 0; i < n; i++) {
            h.arrive(t, 500, 100);
        }
        h.run();
        double ttftX = handIteration(100, 0, 0);
        long k = h.steps.decodeIterationsWithin(1, 101, t - ttftX, 2999) + 1;
        double boundary = ttftX + h.steps.decodeSegmentSeconds(1, 101, k);
        // One iteration: 4 x 500 prefill tokens (each prompt attending to itself) + X's decode token.
        double kvX = 101 + k;
        double prefill = OVERHEAD + Math.max(((n * 500 + 1) * F + A * (n * 500 * 501 / 2.0 + kvX)) / C,
                (W + K * kvX) / M);
        // Then 99 decode iterations of batch 5, X's cache one token longer, each new one at 501.
        double decode = h.steps.decodeSegmentSeconds(n + 1, kvX + 1 + n * 501, 99);
        Done first = h.of(1);
        for (int i = 1; i <= n; i++) {
            Done d = h.of(i);
            assertRel(boundary, d.admittedAt(), "request " + i + " admitted at the boundary");
            assertRel(boundary + prefill, d.firstTokenAt(), "first token of request " + i);
            assertRel(boundary + prefill + decode, d.completedAt(), "completion of request " + i);
            assertEquals(first.firstTokenAt(), d.firstTokenAt(), 0, "same TTFT");
            assertEquals(first.completedAt(), d.completedAt(), 0, "same completion");
        }
        double e2e = first.completedAt() - t;
        assertTrue(e2e < n * singleE2e, "batching must beat serial service: " + e2e + " vs " + singleE2e);
        assertTrue(e2e < 1.2 * singleE2e, "memory-bound decode: " + e2e + " vs " + singleE2e);
    }

    // ------------------------------------------------------------------ step-time model

    @Test
    void decodeSegmentIsTheSumOfItsIterations() {
        ReplicaMemory[] replicas = {
            memory("H100-SXM-80GB", "llama-3.1-8b", 1, Precision.BF16, 0.9),
            memory("H100-SXM-80GB", "llama-3.1-70b", 4, Precision.BF16, 0.9), // all-reduce term
            memory("H100-SXM-80GB", "llama-3.1-70b", 2, Precision.FP8, 0.9),
            memory("L4", "llama-3.1-8b", 1, Precision.FP8, 0.9),
        };
        SplittableRandom random = new SplittableRandom(12345);
        int crossovers = 0;
        int computeOnly = 0;
        int memoryOnly = 0;
        for (ReplicaMemory memory : replicas) {
            StepTimeModel steps = new RooflineStepTime(memory, PerformanceSpec.DEFAULT);
            for (int trial = 0; trial < 150; trial++) {
                int batch = 1 + random.nextInt(random.nextBoolean() ? 64 : 2048);
                double kv = random.nextBoolean() ? random.nextInt(2000) : random.nextInt(500_000);
                int n = 1 + random.nextInt(random.nextBoolean() ? 10 : 3000);
                double sum = 0;
                double[] prefix = new double[n + 1];
                for (int k = 0; k < n; k++) {
                    sum += steps.iterationSeconds(0, batch, kv + (double) batch * k);
                    prefix[k + 1] = sum;
                }
                assertRel(sum, steps.decodeSegmentSeconds(batch, kv, n),
                        "batch " + batch + " kv " + kv + " n " + n + " on " + memory.model().name());
                // Classify: where memory time overtakes compute time within the segment.
                boolean computeBoundAtStart = computeExceedsMemory(memory, batch, kv);
                boolean memoryBoundAtEnd = !computeExceedsMemory(memory, batch, kv + (double) batch * (n - 1));
                if (computeBoundAtStart && memoryBoundAtEnd) {
                    crossovers++;
                } else if (computeBoundAtStart) {
                    computeOnly++;
                } else {
                    memoryOnly++;
                }
                // The inverse: whole iterations done after elapsed seconds.
                for (int probe = 0; probe < 5; probe++) {
                    int m = random.nextInt(n + 1);
                    assertEquals(m, steps.decodeIterationsWithin(batch, kv, steps.decodeSegmentSeconds(batch, kv, m),
                            n));
                    double elapsed = random.nextDouble() * sum * 1.1;
                    long done = steps.decodeIterationsWithin(batch, kv, elapsed, n);
                    assertTrue(done >= 0 && done <= n);
                    assertTrue(prefix[(int) done] <= elapsed * (1 + 1e-12), "at most elapsed");
                    assertTrue(done == n || prefix[(int) done + 1] > elapsed * (1 - 1e-12), "maximal");
                }
                assertEquals(0, steps.decodeSegmentSeconds(batch, kv, 0));
                assertEquals(n, steps.decodeIterationsWithin(batch, kv, 1e9, n));
            }
        }
        assertTrue(crossovers > 20, "cases crossing compute->memory bound: " + crossovers);
        assertTrue(computeOnly > 20, "compute-bound cases: " + computeOnly);
        assertTrue(memoryOnly > 20, "memory-bound cases: " + memoryOnly);
    }

    /** Whether a decode iteration is compute-bound, by the roofline terms written out from the datasheets. */
    private static boolean computeExceedsMemory(ReplicaMemory m, int batch, double kv) {
        var model = m.model();
        int tp = m.tensorParallel();
        double compute = (2 * model.activeParams() * batch
                + 4.0 * model.layers() * model.attentionHeads() * model.headDim() * kv)
                / (tp * m.gpu().flopsPerSecond(m.precision()) * 0.5);
        double memoryTime = (model.weightBytes(m.precision()) + model.kvBytesPerToken(m.precision()) * kv)
                / (tp * m.gpu().memoryBandwidthBytesPerSecond() * 0.7);
        return compute > memoryTime;
    }

    @Test
    void tensorParallelAddsTheAllReduceTerm() {
        // llama-3.1-70b on 4 x H100: per token 2 all-reduces per layer, each 2 (tp-1)/tp * hidden * 2 B
        // over 900 GB/s; 80 layers, hidden 8192 -> 2 * 80 * (1.5 * 8192 * 2) / 9e11 = 4.369e-6 s/token.
        ReplicaMemory memory = memory("H100-SXM-80GB", "llama-3.1-70b", 4, Precision.BF16, 0.9);
        StepTimeModel steps = new RooflineStepTime(memory, PerformanceSpec.DEFAULT);
        double allReduce = 2.0 * 80 * (2.0 * 3 / 4 * 8192 * 2) / 900e9;
        double rate = 4 * 989e12 * 0.5;
        double attention = 4.0 * 80 * 64 * 128; // FLOPs per (token, context token)
        double prefillCompute = (4096 * 2 * 70.6e9 + attention * 4096 * 4097 / 2) / rate;
        double memoryTime = 70.6e9 * 2 / (4 * 3.35e12 * 0.7);
        assertRel(OVERHEAD + 4096 * allReduce + prefillCompute, steps.iterationSeconds(4096, 0, 0), "prefill");
        assertRel(OVERHEAD + allReduce + memoryTime, steps.iterationSeconds(0, 1, 0), "decode");
    }

    // ------------------------------------------------------------------ joining a running batch

    @Test
    void arrivalDuringLongDecodeJoinsAtNextIterationBoundary() {
        var h = ServerHarness.replica(ReferenceReplica.spec(256, 8192));
        h.arrive(0, 100, 5000);
        double tb = 5.0123;
        h.arrive(tb, 100, 10);
        h.run();
        Done a = h.of(0);
        Done b = h.of(1);
        double ttftA = handIteration(100, 0, 0);
        assertRel(ttftA, a.firstTokenAt(), "TTFT of A");
        // A's decode iterations end at ttftA + seg(k); B joins at the first boundary after tb.
        long k = h.steps.decodeIterationsWithin(1, 101, tb - ttftA, 4999) + 1;
        double boundary = ttftA + h.steps.decodeSegmentSeconds(1, 101, k);
        assertTrue(boundary >= tb);
        assertRel(boundary, b.admittedAt(), "B admitted at the end of the iteration in progress");
        double wait = b.admittedAt() - tb;
        assertTrue(wait >= 0 && wait < handIteration(0, 1, 101 + k), "queue wait " + wait);
        // B's prefill iteration also carries A's decode token, A's cache holding 101 + k tokens.
        assertRel(b.admittedAt() + handIteration(100, 1, 101 + k), b.firstTokenAt(), "TTFT of B");
        // B decodes next to A: 9 iterations of batch 2, then A finishes alone.
        double kvAfterJoin = 101 + k + 1 + 101; // A gained one token in the joint iteration, B has 101
        assertRel(b.firstTokenAt() + h.steps.decodeSegmentSeconds(2, kvAfterJoin, 9), b.completedAt(), "E2E of B");
        long aLeft = 4999 - k - 1 - 9;
        assertRel(b.completedAt() + h.steps.decodeSegmentSeconds(1, 101 + k + 1 + 9, aLeft), a.completedAt(),
                "E2E of A");
    }

    // ------------------------------------------------------------------ admission limits

    @Test
    void maxNumSeqsIsRespected() {
        var h = ServerHarness.replica(ReferenceReplica.spec(2, 8192));
        h.arrive(0, 200, 50);
        h.arrive(0, 200, 80);
        h.arrive(0, 200, 120);
        h.run();
        double firstDone = Math.min(h.of(0).completedAt(), h.of(1).completedAt());
        assertEquals(firstDone, h.of(2).admittedAt(), 0, "the third waits for a free slot");
        assertTrue(h.of(2).admittedAt() > 0);
        assertEquals(2, h.peakConcurrency());

        // And under a stream of arrivals.
        var busy = ServerHarness.replica(ReferenceReplica.spec(2, 8192));
        SplittableRandom random = new SplittableRandom(3);
        double t = 0;
        for (int i = 0; i < 60; i++) {
            t += -0.2 * Math.log1p(-random.nextDouble());
            busy.arrive(t, 50 + random.nextInt(3000), 2 + random.nextInt(300));
        }
        busy.run();
        assertEquals(2, busy.peakConcurrency());
        // First come, first served.
        for (int i = 1; i < 60; i++) {
            assertTrue(busy.of(i).admittedAt() >= busy.of(i - 1).admittedAt());
        }
    }

    /** Capacity of the cache in whole KV blocks, in tokens. */
    private static long blockCapacityTokens(ServerSpec.Llm spec) {
        return spec.memory().kvCacheTokens() / LlmReplica.KV_BLOCK_TOKENS * LlmReplica.KV_BLOCK_TOKENS;
    }

    @Test
    void admissionWaitsForFreeKvBlocks() {
        ServerSpec.Llm spec = ReferenceReplica.spec(256, 8192, 0.2255);
        long capacity = blockCapacityTokens(spec);
        assertTrue(capacity > 5000 && capacity < 20000, "capacity " + capacity);
        // Each request needs 40% of the cache for its prompt: two fit, a third must wait. Their whole
        // contexts (prompt + output) fit together, so nobody is preempted.
        int output = 50;
        int prompt = (int) (0.4 * capacity) - output;
        var h = ServerHarness.replica(spec);
        h.arrive(0, prompt, output);
        h.arrive(0, prompt, output + 30);
        h.arrive(0, prompt, output);
        h.run();
        assertEquals(0, h.preemptions.size());
        double firstDone = Math.min(h.of(0).completedAt(), h.of(1).completedAt());
        assertEquals(firstDone, h.of(2).admittedAt(), 0, "the third waits for cache to be freed");
        assertTrue(h.peakReservedTokens() <= capacity);
        assertEquals(2, h.peakConcurrency());
    }

    @Test
    void kvGrowthPreemptsTheYoungestWhichIsRecomputedLater() {
        ServerSpec.Llm spec = ReferenceReplica.spec(256, 8192, 0.2255);
        long capacityBlocks = spec.memory().kvCacheTokens() / LlmReplica.KV_BLOCK_TOKENS;
        long capacity = capacityBlocks * LlmReplica.KV_BLOCK_TOKENS;
        // Prompts of 30% each fit at once; growing by 30% each they would need 120%: the younger is
        // preempted (vLLM's recompute policy) when the next iteration would overflow.
        int prompt = (int) (0.3 * capacity);
        int output = (int) (0.3 * capacity);
        var h = ServerHarness.replica(spec);
        h.arrive(0, prompt, output);
        h.arrive(0.5, prompt, output);
        h.run();
        Done x = h.of(0);
        Done y = h.of(1);
        assertEquals(1, h.preemptions.size(), "one preemption");
        double[] p = h.preemptions.get(0);
        assertEquals(1, (long) p[0], "the younger request is the victim");
        double preemptedAt = p[2];
        long yHeld = (long) p[1]; // Y's prompt and the output it had produced
        assertTrue(preemptedAt > y.firstTokenAt(), "preempted while decoding");

        // X alone decoded k iterations (one token each) before Y joined at an iteration boundary.
        long k = h.steps.decodeIterationsWithin(1, prompt + 1, y.admittedAt() - x.firstTokenAt() + 1e-9, output);
        assertRel(x.firstTokenAt() + h.steps.decodeSegmentSeconds(1, prompt + 1, k), y.admittedAt(), "Y joins");
        // Y's prefill iteration gives X one more token; from then on both grow together, so X holds
        // k + 1 tokens more than Y.
        long xHeld = yHeld + k + 1;
        // Preempted exactly at the limit: what both hold fits in whole blocks, one more token each
        // would not.
        long blocksNow = blocks(xHeld) + blocks(yHeld);
        long blocksNext = blocks(xHeld + 1) + blocks(yHeld + 1);
        assertTrue(blocksNow <= capacityBlocks && blocksNext > capacityBlocks,
                "held " + xHeld + " + " + yHeld + " tokens, " + blocksNow + " -> " + blocksNext + " of "
                        + capacityBlocks + " blocks");

        // X then decodes alone, undisturbed, to its end.
        long xLeft = output - (xHeld - prompt);
        assertRel(preemptedAt + h.steps.decodeSegmentSeconds(1, xHeld, xLeft), x.completedAt(), "X completion");
        // Y waits for X to free its blocks, recomputes its prompt and the output it had (one prefill
        // iteration), which yields its next token, then decodes the rest alone.
        double recompute = handIteration((int) yHeld, 0, 0);
        long yLeft = output - (yHeld - prompt + 1);
        assertRel(x.completedAt() + recompute + h.steps.decodeSegmentSeconds(1, yHeld + 1, yLeft), y.completedAt(),
                "Y completion");
        assertEquals(0.5, y.request().arrivalTime());
        assertTrue(y.firstTokenAt() < preemptedAt, "its first token was produced before the preemption");
    }

    @Test
    void reservingTheWholeOutputNeverPreemptsAndMakesTheSecondRequestWait() {
        // The case above under TensorRT-LLM's admission: X's prompt and whole output (60 % of the
        // cache) are reserved at admission, so Y (another 60 %) waits in the queue until X completes,
        // then runs alone: no preemption, and Y's first token comes one prefill after X's end.
        ServerSpec.Llm onPrompt = ReferenceReplica.spec(256, 8192, 0.2255);
        ServerSpec.Llm spec = new ServerSpec.Llm(onPrompt.memory(), onPrompt.maxModelLen(),
                new BatchingSpec(256, 8192, KvAdmission.RESERVE_OUTPUT, PrefillBatching.MIXED),
                PerformanceSpec.DEFAULT);
        long capacity = blockCapacityTokens(spec);
        int prompt = (int) (0.3 * capacity);
        int output = (int) (0.3 * capacity);
        var h = ServerHarness.replica(spec);
        h.arrive(0, prompt, output);
        h.arrive(0.5, prompt, output);
        h.run();
        assertEquals(0, h.preemptions.size());
        Done x = h.of(0);
        Done y = h.of(1);
        assertEquals(x.completedAt(), y.admittedAt(), 0, "Y is admitted when X frees its reservation");
        assertRel(x.completedAt() + handIteration(prompt, 0, 0), y.firstTokenAt(), "Y's prefill runs alone");
        assertRel(y.firstTokenAt() + h.steps.decodeSegmentSeconds(1, prompt + 1, output - 1), y.completedAt(),
                "Y decodes alone");
        assertEquals(1, h.peakConcurrency());
        // Two that fit with their outputs run together.
        var both = ServerHarness.replica(spec);
        both.arrive(0, prompt / 2, output / 2);
        both.arrive(0, prompt / 2, output / 2);
        both.run();
        assertEquals(2, both.peakConcurrency());
        assertEquals(0, both.preemptions.size());
    }

    @Test
    void separatePrefillPausesDecodingForExactlyThePrefillIteration() {
        // SGLang's scheduler: Y's prompt is prefilled in an iteration of its own, X (decoding)
        // produces nothing meanwhile, so X ends exactly that iteration later than alone.
        ServerSpec.Llm mixed = ReferenceReplica.spec(256, 8192);
        ServerSpec.Llm spec = new ServerSpec.Llm(mixed.memory(), mixed.maxModelLen(),
                new BatchingSpec(256, 8192, KvAdmission.ON_PROMPT, PrefillBatching.SEPARATE), PerformanceSpec.DEFAULT);
        var alone = ServerHarness.replica(spec);
        alone.arrive(0, 500, 400);
        alone.run();
        var h = ServerHarness.replica(spec);
        h.arrive(0, 500, 400);
        h.arrive(0.5, 3000, 1);
        h.run();
        double yPrefill = handIteration(3000, 0, 0);
        assertRel(alone.of(0).completedAt() + yPrefill, h.of(0).completedAt(), "X is delayed by Y's prefill alone");
        Done x = h.of(0);
        Done y = h.of(1);
        // Y joins at the end of the decode iteration under way at 0.5 s.
        long k = h.steps.decodeIterationsWithin(1, 501, 0.5 - x.firstTokenAt(), 399) + 1;
        double boundary = x.firstTokenAt() + h.steps.decodeSegmentSeconds(1, 501, k);
        assertRel(boundary, y.admittedAt(), "Y admitted at the iteration boundary");
        assertRel(boundary + yPrefill, y.completedAt(), "Y's one token after its prefill-only iteration");
    }

    private static long blocks(long tokens) {
        return (tokens + LlmReplica.KV_BLOCK_TOKENS - 1) / LlmReplica.KV_BLOCK_TOKENS;
    }

    @Test
    void heavyLoadPreemptsButCompletesEverything() {
        ServerSpec.Llm spec = ReferenceReplica.spec(64, 2048, 0.2255);
        long capacity = blockCapacityTokens(spec);
        var h = ServerHarness.replica(spec);
        SplittableRandom random = new SplittableRandom(5);
        double t = 0;
        for (int i = 0; i < 80; i++) {
            t += -0.05 * Math.log1p(-random.nextDouble());
            h.arrive(t, 100 + random.nextInt((int) (0.3 * capacity)), 2 + random.nextInt((int) (0.2 * capacity)));
        }
        h.run();
        assertTrue(h.preemptions.size() > 0, "the load should force preemptions");
        for (double[] p : h.preemptions) {
            Request r = h.pending.get((int) p[0]);
            assertTrue(p[1] >= 0 && p[1] < r.totalTokens(), "discarded " + p[1] + " of " + r);
            assertTrue(p[2] < h.of(r.id()).completedAt());
        }
        assertTrue(h.peakConcurrency() <= 64);
        // First admissions are first come, first served.
        for (int i = 1; i < 80; i++) {
            assertTrue(h.of(i).admittedAt() >= h.of(i - 1).admittedAt());
        }
    }

    /**
     * A request the cache can hold in tokens but not in whole blocks. llama-3.1-8b on one H100 at a
     * memory share that leaves a KV cache of exactly 10007 tokens, i.e. 625 blocks of 16 = 10000 tokens, with
     * max_model_len 10007 (the scenario validator accepts that: 10007 tokens fit). A 10007-token
     * request must either be refused by {@code accepts} or be served.
     */
    @Test
    void loneSequenceLargerThanTheCacheBlocksIsRefusedOrServed() throws InterruptedException {
        var gpu = CATALOG.gpu("H100-SXM-80GB");
        double share = (W + ReplicaMemory.ACTIVATION_RESERVE_BYTES_PER_GPU + K * 10007.5) / gpu.memoryBytes();
        ReplicaMemory memory = new ReplicaMemory(gpu, CATALOG.model("llama-3.1-8b"), 1, Precision.BF16, share);
        assertEquals(10007, memory.kvCacheTokens());
        assertEquals(null, memory.whyNotFit(10007));
        ServerSpec.Llm spec = new ServerSpec.Llm(memory, 10007, new BatchingSpec(256, 8192), PerformanceSpec.DEFAULT);
        var h = ServerHarness.replica(spec);
        Request big = new Request(0, 0, 0, 9000, 1007);
        if (!h.server.accepts(big)) {
            return; // refused up front: the pool rejects it as too long
        }
        h.arrive(0, big.promptTokens(), big.outputTokens());
        Thread runner = new Thread(() -> h.sim.runUntil(1e6));
        runner.setDaemon(true);
        runner.start();
        runner.join(10_000);
        assertTrue(!runner.isAlive(), "the run must end (events so far: " + h.sim.eventsProcessed() + ")");
        assertEquals(List.of(big), h.done.stream().map(Done::request).toList());
    }
}
