package io.fleetsim.workload.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.workload.Request;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * A closed loop of N users, each thinking Z between the end of one request and the next, on one
 * textbook server with a fixed service time S: throughput N / (S + Z) while the server keeps up,
 * 1 / S once it cannot, and Little's law for the closed system, N = X (R + Z).
 */
class ClosedLoopTest {

    private TestReporter reporter;

    @BeforeEach
    void keepReporter(TestReporter testReporter) {
        reporter = testReporter;
    }

    /** Measured values go to the test report (target/surefire-reports), not to the console. */
    private void report(String format, Object... args) {
        reporter.publishEntry(String.format(Locale.ROOT, format, args).strip());
    }

    private static String scenario(int users, String think, int servers, String horizon) {
        return """
                name: closed
                seed: 11
                horizon: %s
                workload:
                  arrivals: {process: closed_loop, users: %d, think_time: %s}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1h, tpot: 1h}
                pools:
                  - name: server
                    kind: reserved
                    replicas: %d
                    usd_per_gpu_hour: 1
                    service_time: {dist: fixed, value: 1s}
                """.formatted(horizon, users, think, servers);
    }

    @Test
    void oneUserSendsTheNextRequestAThinkTimeAfterEachAnswer() {
        ClientWorld w = ClientWorld.withTraffic(scenario(1, "{dist: fixed, value: 9s}", 1, "200s"), 200);
        w.runUntil(200);
        double start = w.sent.get(0).arrivalTime();
        assertTrue(start >= 0 && start < 9, "the user starts within the first think time: " + start);
        for (int k = 1; k < w.sent.size(); k++) {
            Request previous = w.sent.get(k - 1);
            assertEquals(w.outcome(previous.id()).time() + 9, w.sent.get(k).arrivalTime(), 0);
            assertEquals(start + 10.0 * k, w.sent.get(k).arrivalTime(), 1e-9, "a cycle of S + Z = 10 s");
        }
        assertEquals((long) Math.ceil((200 - start) / 10), w.sent.size(), "arrivals until the horizon");
    }

    @Test
    void aRejectedRequestAlsoEndsTheWaitAndTheUserThinksAgain() {
        // No server at all: every request is rejected at once, and the user comes back Z later.
        ClientWorld w = ClientWorld.withTraffic(scenario(1, "{dist: fixed, value: 9s}", 0, "200s"), 200);
        w.runUntil(200);
        double start = w.sent.get(0).arrivalTime();
        assertEquals((long) Math.ceil((200 - start) / 9), w.sent.size());
        for (int k = 1; k < w.sent.size(); k++) {
            assertEquals(start + 9.0 * k, w.sent.get(k).arrivalTime(), 1e-9);
        }
        assertEquals(Map.of("no_capacity", (long) w.sent.size()), w.requests().rejectedByCause());
        w.assertConserved("end");
    }

    @Test
    void throughputIsNOverSPlusZWhileTheServerKeepsUp() {
        // N = 5, S = 1 s, Z = 9 s: offered 0.5 requests/s to a server that can do 1.
        RunResult r = Simulation.run(ClientWorld.scenario(scenario(5, "{dist: fixed, value: 9s}", 1, "3000s")));
        double x = r.requests().completed() / r.simulatedSeconds();
        report("closed loop N=5: X = %.5f /s (N / (S + Z) = 0.5), R = %.4f s%n", x,
                r.latency().e2e().meanMs() / 1e3);
        assertEquals(5 / (1.0 + 9.0), x, 0.01 * 0.5);
        assertEquals(0.5, r.pools().get(0).utilization(), 0.01, "utilization X S");
        // With deterministic times the users fall into step: hardly anyone waits.
        assertEquals(1.0, r.latency().e2e().meanMs() / 1e3, 0.01);
        assertTrue(r.requests().inFlightAtEnd() <= 5);
    }

    @Test
    void throughputIsOneOverSWhenSaturatedAndLittlesLawHolds() {
        // N = 20, S = 1 s, Z = 9 s: N / (S + Z) = 2 > 1 / S = 1, so the server is the bottleneck.
        RunResult r = Simulation.run(ClientWorld.scenario(scenario(20, "{dist: fixed, value: 9s}", 1, "3000s")));
        double t = r.simulatedSeconds();
        double x = r.requests().completed() / t;
        double resp = r.latency().e2e().meanMs() / 1e3;
        report("closed loop N=20: X = %.5f /s (1/S = 1), R = %.4f s (N/X - Z = %.4f), L = %.4f%n", x,
                resp, 20 / x - 9, r.meanInSystem());
        assertTrue(x <= 1.0 + 1e-12, "never more than 1 / S");
        assertEquals(1.0, x, 0.01);
        // Closed system: N = X (R + Z); and the open form for the part inside the fleet: L = X R.
        assertEquals(20, x * (resp + 9), 0.02 * 20);
        assertEquals(x * resp, r.meanInSystem(), 0.02 * r.meanInSystem());
        assertTrue(r.meanInSystem() <= 20);
        assertEquals(1.0, r.pools().get(0).utilization(), 0.01);
    }

    @Test
    void arrivalsStopAtTheHorizonAndNeverExceedTheUsers() {
        ClientWorld w = ClientWorld.withTraffic(scenario(8, "{dist: exponential, mean: 5s}", 1, "10m"), 600);
        long peak = 0;
        for (double t = 1; t <= 1200; t += 1) {
            w.runUntil(t);
            peak = Math.max(peak, w.metrics.inSystemNow());
            assertTrue(w.metrics.inSystemNow() <= 8, "at most one request per user in the system");
        }
        assertTrue(peak >= 4, "the server is a bottleneck, so requests queue: peak " + peak);
        assertTrue(w.sent.stream().allMatch(r -> r.arrivalTime() < 600), "no arrival at or after the horizon");
        assertTrue(w.sent.get(w.sent.size() - 1).arrivalTime() > 590, "arrivals go on to the horizon");
        assertEquals(0, w.requests().inFlightAtEnd(), "after the horizon the users stop and the queue empties");
        w.assertConserved("end");
    }
}
