package io.fleetsim.workload.clients;

import io.fleetsim.metrics.RequestCounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.PromptPrefix;
import org.junit.jupiter.api.Test;

/**
 * Impatient clients: a request with no first token after its patience is cancelled wherever it is
 * (queued, in service on a textbook server, being prefilled on an LLM replica), counted once as
 * cancelled, and whatever it held is freed. Times are hand-computed from scripted arrivals.
 */
class PatienceTest {

    /** Two routes on one textbook server with a fixed 10 s service: one patient, one giving up after 5 s. */
    static final String QUEUEING = ClientWorld.twoRoutes("patience", "patience: {dist: fixed, value: 5s}", """
            - name: server
              kind: reserved
              replicas: 1
              usd_per_gpu_hour: 1
              service_time: {dist: fixed, value: 10s}
            """);

    @Test
    void aQueuedRequestIsCancelledAtArrivalPlusPatienceAndNeverServed() {
        ClientWorld w = new ClientWorld(QUEUEING);
        long a = w.send(0, "patient", 100, 10);   // served 0-10
        long b = w.send(1, "impatient", 100, 10); // waits behind a; gives up at 1 + 5 = 6
        long c = w.send(2, "patient", 100, 10);   // served 10-20: b is gone from the queue
        long e = w.send(25, "impatient", 100, 10); // served from 25, no answer before 30: cancelled in service
        long f = w.send(26, "patient", 100, 10);  // takes the server the cancellation freed: 30-40

        w.runUntil(5.999);
        assertEquals(0, w.requests().cancelled());
        assertEquals(2, w.pool().queued(), "b and c wait");
        assertEquals(3, w.requests().inFlightAtEnd());
        w.assertConserved("t=5.999");

        w.runUntil(6);
        assertEquals(1, w.requests().cancelled());
        ClientWorld.Outcome ob = w.outcome(b);
        assertFalse(ob.delivered());
        assertEquals(6.0, ob.time(), 0, "cancelled at exactly arrival + patience");
        assertEquals(1, w.pool().queued(), "b left the queue");
        assertEquals(2, w.requests().inFlightAtEnd());
        w.assertConserved("t=6");

        w.runUntil(20);
        assertEquals(10.0, w.outcome(a).time(), 0);
        assertEquals(20.0, w.outcome(c).time(), 0, "c was next after a: the server never served b");
        w.assertConserved("t=20");

        w.runUntil(29.999);
        assertFalse(w.ended(e));
        assertEquals(1, w.pool().inService());
        assertEquals(1, w.pool().queued());
        w.runUntil(30);
        assertEquals(30.0, w.outcome(e).time(), 0);
        assertFalse(w.outcome(e).delivered());
        assertEquals(0, w.pool().queued(), "f took the server at once");
        assertEquals(1, w.pool().inService());

        w.runUntil(3600);
        assertEquals(40.0, w.outcome(f).time(), 0);
        w.assertConserved("end");
        RequestCounts all = w.requests();
        assertEquals(5, all.arrived());
        assertEquals(3, all.completed());
        assertEquals(2, all.cancelled());
        assertEquals(0, all.rejected());
        assertEquals(0, all.inFlightAtEnd());
        RequestCounts impatient = w.route("impatient").requestCounts();
        assertEquals(2, impatient.cancelled());
        assertEquals(0, impatient.completed());
        assertEquals(0, w.route("impatient").latencies().ttft().count(), "no latency for cancelled requests");
        // Served: a, c, f for 10 s each and e for 5 s; b never.
        assertEquals(35.0, w.pool().busySeconds(3600), 1e-9);
        // Patient latencies: TTFT a 10, c 18, f 14; queue a 0, c 8, f 4.
        assertEquals(14_000, w.route("patient").latencies().ttft().meanMs(), 1e-6);
        assertEquals(4_000, w.route("patient").latencies().queue().meanMs(), 1e-6);
        // Tokens: only completed requests count; a textbook server processes no tokens, so nothing is wasted.
        TokenCounts t = w.tokens();
        assertEquals(300, t.input());
        assertEquals(30, t.output());
        assertEquals(0, w.wasted("cancelled"));
        assertEquals(0, w.wasted("failed_attempts"));
        assertEquals(0.6, w.requests().sloAttainment(), 1e-12, "3 within SLO of 5 outcomes");
    }

    @Test
    void exponentialPatienceIsDrawnPerRequestAndReproducible() {
        // 40 impatient requests a second apart on the 10 s server, patience exponential with mean 30 s.
        String yaml = QUEUEING.replace("{dist: fixed, value: 5s}", "{dist: exponential, mean: 30s}");
        ClientWorld w = new ClientWorld(yaml);
        ClientWorld again = new ClientWorld(yaml);
        for (int i = 0; i < 40; i++) {
            w.send(i, "impatient", 100, 10);
            again.send(i, "impatient", 100, 10);
        }
        w.runUntil(3600);
        again.runUntil(3600);
        w.assertConserved("end");
        RequestCounts c = w.requests();
        assertEquals(40, c.arrived());
        assertEquals(0, c.inFlightAtEnd());
        assertTrue(c.cancelled() > 10 && c.completed() > 2, c.toString());
        // Each cancelled client waited its own draw.
        long distinctWaits = w.outcomes.stream().filter(o -> !o.delivered())
                .mapToDouble(o -> o.time() - o.request().arrivalTime()).distinct().count();
        assertEquals(c.cancelled(), distinctWaits);
        assertEquals(w.outcomes, again.outcomes, "same seed, same patience draws");
        // Every completion took a whole service time of 10 s, so the server was busy at least that long.
        assertTrue(w.pool().busySeconds(3600) >= 10 * c.completed() - 1e-9);
    }

    // ------------------------------------------------------------------ LLM replica: cancelled mid-prefill

    /**
     * One llama-3.1-8b replica on an H100 with a small KV cache (about 10,000 tokens) and a token
     * budget of 512 per iteration, so an 8,000-token prompt is prefilled in 16 chunks.
     */
    static final String LLM = ClientWorld.twoRoutes("prefill-cancel", "patience: {dist: fixed, value: 200ms}", """
            - name: llm
              kind: reserved
              replicas: 1
              gpu: H100-SXM-80GB
              model: llama-3.1-8b
              usd_per_gpu_hour: 2
              memory_utilization: 0.2255
              max_model_len: 9000
              batching: {max_num_seqs: 256, max_batched_tokens: 512}
            """);

    static StepTimeModel steps(ClientWorld w) {
        ServerSpec.Llm llm = (ServerSpec.Llm) w.spec.pools().get(0).server();
        return StepTimeModels.of(llm);
    }

    /** Iteration times of a prompt prefilled alone in chunks of {@code budget} after {@code cached} cached tokens. */
    static double[] chunkTimes(StepTimeModel steps, int prompt, int cached, int budget) {
        int n = (prompt - cached + budget - 1) / budget;
        double[] t = new double[n];
        int done = cached;
        for (int k = 0; k < n; k++) {
            int chunk = Math.min(budget, prompt - done);
            t[k] = steps.iterationSeconds(chunk, StepTimeModel.prefillContext(done, chunk), 0, 0, done);
            done += chunk;
        }
        return t;
    }

    @Test
    void aPromptCancelledMidPrefillFreesItsBlocksAndWastesWhatWasPrefilled() {
        ClientWorld w = new ClientWorld(LLM);
        ServerSpec.Llm llm = (ServerSpec.Llm) w.spec.pools().get(0).server();
        long blocks = llm.memory().kvCacheTokens() / LlmReplica.KV_BLOCK_TOKENS;
        long usable = blocks - (long) Math.floor(blocks * 0.01); // vLLM's 1 % watermark
        long blocksA = (8000 + 1 + 15) / 16;
        long blocksB = (4000 + 1 + 15) / 16;
        assertTrue(blocksA <= usable && blocksB <= usable && blocksA + blocksB > usable,
                "a and b fit alone but not together: " + blocks + " blocks");

        long a = w.send(0, "impatient", 8000, 10);
        long b = w.send(0.01, "patient", 4000, 5);
        StepTimeModel steps = steps(w);
        double[] ta = chunkTimes(steps, 8000, 0, 512);
        assertEquals(16, ta.length);
        // Chunks completed when the client gives up at 0.2 s, and the end of the iteration in progress.
        int m = 0;
        double end = 0;
        while (end + ta[m] <= 0.2) {
            end += ta[m++];
        }
        double inProgressEnd = end + ta[m];
        assertTrue(m >= 1 && m < 15, "the patience expires mid-prefill: " + m + " chunks done");

        w.runUntil(0.19);
        assertEquals(1, w.pool().queued(), "b waits for KV blocks");
        assertTrue(w.pool().kvUtilization() > 0.75);
        w.runUntil(0.2);
        ClientWorld.Outcome oa = w.outcome(a);
        assertFalse(oa.delivered());
        assertEquals(0.2, oa.time(), 0);
        assertEquals(1, w.requests().cancelled());
        assertEquals(512L * m, w.wasted("cancelled"), "the chunks prefilled before the cancellation");
        assertEquals(0, w.wasted("failed_attempts"));
        w.assertConserved("t=0.2");

        w.runUntil(60);
        // b is admitted at the end of the iteration that was running when a was dropped, and is
        // prefilled alone in 8 chunks.
        double[] tb = chunkTimes(steps, 4000, 0, 512);
        double firstToken = inProgressEnd;
        for (double t : tb) {
            firstToken += t;
        }
        assertTrue(w.outcome(b).delivered());
        assertEquals(1, w.route("patient").latencies().queue().count());
        assertEquals((inProgressEnd - 0.01) * 1e3, w.route("patient").latencies().queue().meanMs(), 1e-9);
        assertEquals((firstToken - 0.01) * 1e3, w.route("patient").latencies().ttft().meanMs(), 1e-9);
        assertEquals(0, w.pool().kvUtilization(), "every block is free at the end");
        w.assertConserved("end");
        RequestCounts c = w.requests();
        assertEquals(2, c.arrived());
        assertEquals(1, c.completed());
        assertEquals(1, c.cancelled());
        assertEquals(4005, w.tokens().input() + w.tokens().output());
        assertEquals(512L * m, w.wasted("cancelled"));
    }

    @Test
    void promptTokensServedFromThePrefixCacheAreNotWastedByACancellation() {
        // c leaves a 7,680-token prefix in the cache; a, with that prefix and 16,000 prompt tokens,
        // finds it, then prefills the other 8,320 in chunks of 512 and gives up 200 ms after arriving.
        ClientWorld w = new ClientWorld(LLM.replace("    memory_utilization: 0.2255\n", "")
                .replace("max_model_len: 9000", "max_model_len: 20000"));
        long[] hashes = new long[480];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = 0x7000_0000L + i;
        }
        PromptPrefix prefix = new PromptPrefix(hashes, 16);
        long c = w.send(0, "patient", 8000, 2, prefix);
        long a = w.send(5, "impatient", 16000, 2, prefix);
        double[] ta = chunkTimes(steps(w), 16000, 7680, 512);
        int m = 0;
        double end = 0;
        while (end + ta[m] <= 0.2) {
            end += ta[m++];
        }
        assertTrue(m >= 1 && m < ta.length - 1, m + " chunks");
        w.runUntil(60);
        assertTrue(w.outcome(c).delivered());
        assertEquals(5.2, w.outcome(a).time(), 1e-12);
        assertFalse(w.outcome(a).delivered());
        assertEquals(7680, w.tokens().cachedInput(), "a found the prefix");
        assertEquals(512L * m, w.wasted("cancelled"), "only the chunks computed are wasted, not the cached prefix");
        w.assertConserved("end");
    }

    @Test
    void aRequestPastItsFirstTokenIsNotCancelled() {
        // A short prompt gets its first token long before 200 ms, then decodes for much longer: the
        // deadline passes during decode and nothing happens.
        ClientWorld w = new ClientWorld(LLM);
        long a = w.send(0, "impatient", 100, 2000);
        w.runUntil(60);
        assertTrue(w.outcome(a).delivered());
        assertTrue(w.outcome(a).time() > 1, "decoded well past the patience");
        assertEquals(0, w.requests().cancelled());
        assertEquals(0, w.wasted("cancelled"));
        w.assertConserved("end");
    }
}
