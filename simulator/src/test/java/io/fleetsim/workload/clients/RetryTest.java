package io.fleetsim.workload.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.workload.PromptPrefix;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients that try again: a cancelled or rejected request is sent again after the backoff (doubled
 * for each later retry), is counted once however many attempts it takes, and its latencies run
 * from the first attempt; the work of abandoned attempts is wasted as {@code failed_attempts}.
 */
class RetryTest {

    /** One textbook server, fixed 4 s service; impatient clients give up after 5 s and try twice. */
    private static final String QUEUEING = ClientWorld.twoRoutes("retries", """
            patience: {dist: fixed, value: 5s}
            retries: {max_attempts: 2, backoff: 3s}""", """
            - name: server
              kind: reserved
              replicas: 1
              usd_per_gpu_hour: 1
              service_time: {dist: fixed, value: 4s}
            """);

    @Test
    void aCancelledRequestIsSentAgainAfterTheBackoffAndCountedOnce() {
        ClientWorld w = new ClientWorld(QUEUEING);
        w.send(0, "patient", 100, 10);            // 0-4
        w.send(0.5, "patient", 100, 10);          // 4-8
        long b = w.send(1, "impatient", 100, 10); // gives up at 6, again at 6 + 3 = 9: served 9-13
        w.send(20, "patient", 100, 10);           // 20-24
        w.send(20, "patient", 100, 10);           // 24-28
        long d = w.send(20.5, "impatient", 100, 10); // gives up at 25.5, again at 28.5 behind g
        w.send(28.4, "patient", 100, 10);         // g: 28.4-32.4
        // d's second attempt starts at 32.4 and has no answer by 28.5 + 5 = 33.5: cancelled for good.

        w.runUntil(6);
        assertFalse(w.ended(b), "the first cancellation is not an outcome: the client tries again");
        assertEquals(0, w.requests().cancelled());
        assertEquals(2, w.requests().inFlightAtEnd(), "a2 in service, b waiting to retry");
        assertEquals(0, w.pool().queued(), "b left the queue");
        w.assertConserved("t=6");

        w.runUntil(8.999);
        assertEquals(0, w.pool().inService(), "the server is idle: b's retry is not due yet");
        w.runUntil(9);
        assertEquals(1, w.pool().inService(), "b's retry is served at 9");

        w.runUntil(13);
        assertTrue(w.outcome(b).delivered());
        assertEquals(13.0, w.outcome(b).time(), 0);
        // TTFT and E2E from the first attempt: 13 - 1.
        assertEquals(12_000, w.route("impatient").latencies().ttft().meanMs(), 1e-9);
        assertEquals(12_000, w.route("impatient").latencies().e2e().meanMs(), 1e-9);

        w.runUntil(33.499);
        assertFalse(w.ended(d));
        assertEquals(1, w.pool().inService(), "d's second attempt in service since 32.4");
        w.runUntil(33.5);
        assertFalse(w.outcome(d).delivered());
        assertEquals(33.5, w.outcome(d).time(), 0);
        assertEquals(0, w.pool().inService());

        w.runUntil(3600);
        w.assertConserved("end");
        RequestCounts c = w.requests();
        assertEquals(7, c.arrived(), "arrivals count client requests, not attempts");
        assertEquals(6, c.completed());
        assertEquals(1, c.cancelled());
        assertEquals(0, c.rejected());
        assertEquals(9, w.metrics.routedTo(0), "7 requests, b and d twice");
        RequestCounts impatient = w.route("impatient").requestCounts();
        assertEquals(2, impatient.arrived());
        assertEquals(1, impatient.completed());
        assertEquals(1, impatient.cancelled());
        // Six whole services of 4 s and d's 1.1 s.
        assertEquals(25.1, w.pool().busySeconds(3600), 1e-9);
    }

    // ------------------------------------------------------------------ rejections

    /** One textbook server with room for one waiting request; clients retry a rejection twice. */
    private static final String SHEDDING = """
            name: shedding
            seed: 1
            horizon: 1h
            workload:
              arrivals: {process: poisson, rate_per_s: 1}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 10}
                  slo: {ttft: 1h, tpot: 1h}
                  retries: {max_attempts: 3, backoff: 3s}
            pools:
              - name: server
                kind: reserved
                replicas: 1
                max_queue: 1
                usd_per_gpu_hour: 1
                service_time: {dist: fixed, value: 10s}
            """;

    @Test
    void aShedRequestIsRetriedWithDoublingBackoffThenRejectedOnce() {
        ClientWorld w = new ClientWorld(SHEDDING);
        w.send(0, "chat", 100, 10);             // 0-10
        w.send(1, "chat", 100, 10);             // waits; 10-20
        long r3 = w.send(9, "chat", 100, 10);   // shed; at 12 the queue is free: waits, 20-30
        long r4 = w.send(9.5, "chat", 100, 10); // shed; at 12.5 shed (r3 waits); at 18.5 shed: rejected
        long r5 = w.send(19, "chat", 100, 10);  // shed; at 22 the queue is free: waits, 30-40

        w.runUntil(9.5);
        assertEquals(0, w.requests().rejected(), "shed attempts are not outcomes while retries remain");
        assertEquals(4, w.requests().inFlightAtEnd());
        w.assertConserved("t=9.5");
        w.runUntil(18.499);
        assertFalse(w.ended(r4));
        w.runUntil(18.5);
        assertFalse(w.outcome(r4).delivered());
        assertEquals(18.5, w.outcome(r4).time(), 0, "9.5 + 3 + 6: the backoff doubles");
        assertEquals(Map.of("shed", 1L), w.requests().rejectedByCause());

        w.runUntil(3600);
        w.assertConserved("end");
        assertEquals(30.0, w.outcome(r3).time(), 0);
        assertEquals(40.0, w.outcome(r5).time(), 0);
        RequestCounts c = w.requests();
        assertEquals(5, c.arrived());
        assertEquals(4, c.completed());
        assertEquals(1, c.rejected());
        assertEquals(4, w.metrics.routedTo(0), "r1, r2 and the retries of r3 and r5");
        // TTFT from the first attempt: r1 10, r2 19, r3 21, r5 21.
        assertEquals((10 + 19 + 21 + 21) / 4.0 * 1e3, w.route("chat").latencies().ttft().meanMs(), 1e-9);
    }

    @Test
    void aRequestTooLongForEveryPoolIsNeverRetried() {
        ClientWorld w = new ClientWorld("""
                name: too-long
                seed: 1
                horizon: 1h
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1h, tpot: 1h}
                      patience: {dist: fixed, value: 1s}
                      retries: {max_attempts: 5, backoff: 1s}
                pools:
                  - name: llm
                    kind: reserved
                    replicas: 1
                    gpu: H100-SXM-80GB
                    model: llama-3.1-8b
                    max_model_len: 4096
                    usd_per_gpu_hour: 2
                """);
        long r = w.send(1, "chat", 5000, 10);
        w.runUntil(1);
        assertFalse(w.outcome(r).delivered());
        assertEquals(1.0, w.outcome(r).time(), 0, "rejected on arrival, not after a backoff");
        assertEquals(Map.of("too_long", 1L), w.requests().rejectedByCause());
        assertEquals(0, w.sim.pendingEvents(), "no retry is scheduled");
        w.runUntil(3600);
        assertEquals(1, w.requests().arrived());
        assertEquals(0, w.metrics.routedTo(0));
        w.assertConserved("end");
    }

    // ------------------------------------------------------------------ LLM replica: wasted attempts

    @Test
    void theWorkOfACancelledAttemptIsWastedAsFailedAttemptsAndTtftCountsFromTheFirst() {
        // a gives up mid-prefill at 0.2 s (as in PatienceTest) and tries again at 3.2 s. Meanwhile c,
        // with the same 7,680-token prefix, is prefilled in full and leaves the prefix in the cache, so
        // a's second attempt prefills only its last 320 tokens, well within its patience.
        ClientWorld w = new ClientWorld(PatienceTest.LLM.replace("    memory_utilization: 0.2255\n", "")
                .replace("patience: {dist: fixed, value: 200ms}",
                        "patience: {dist: fixed, value: 200ms}\n      retries: {max_attempts: 2, backoff: 3s}"));
        long[] hashes = new long[480];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = 0xABCD_0000L + i;
        }
        PromptPrefix prefix = new PromptPrefix(hashes, 16);
        long a = w.send(0, "impatient", 8000, 4, prefix);
        long c = w.send(0.25, "patient", 8000, 2, prefix);
        StepTimeModel steps = PatienceTest.steps(w);
        double[] ta = PatienceTest.chunkTimes(steps, 8000, 0, 512);
        int m = 0;
        double end = 0;
        while (end + ta[m] <= 0.2) {
            end += ta[m++];
        }
        assertTrue(end + ta[m] < 0.25, "the replica is free when c arrives");
        assertTrue(m >= 1 && m < 15);

        w.runUntil(0.2);
        assertFalse(w.ended(a));
        assertEquals(512L * m, w.wasted("failed_attempts"), "a first attempt with a retry left: failed_attempts");
        assertEquals(0, w.wasted("cancelled"));
        w.assertConserved("t=0.2");

        w.runUntil(60);
        double retryAt = 0.2 + 3.0;
        double rest = steps.iterationSeconds(320, StepTimeModel.prefillContext(7680, 320), 0, 0, 7680);
        assertTrue(rest < 0.2, "the retry gets its first token within its patience");
        assertTrue(w.outcome(a).delivered());
        assertTrue(w.outcome(c).delivered());
        assertEquals((retryAt + rest) * 1e3, w.route("impatient").latencies().ttft().meanMs(), 1e-9,
                "TTFT from the first attempt's arrival");
        assertEquals(7680, w.tokens().cachedInput(), "only the retry found the prefix cached");
        assertEquals(7680.0 / (3 * 8000), w.metrics.fleetTotals().prefixCacheHitRate(), 1e-12,
                "three admissions looked up: a twice, c once");
        RequestCounts counts = w.requests();
        assertEquals(2, counts.arrived());
        assertEquals(2, counts.completed());
        assertEquals(0, counts.cancelled());
        assertEquals(512L * m, w.wasted("failed_attempts"));
        assertEquals(0, w.wasted("cancelled"));
        assertEquals(8004 + 8002, w.tokens().input() + w.tokens().output());
        w.assertConserved("end");
    }
}
