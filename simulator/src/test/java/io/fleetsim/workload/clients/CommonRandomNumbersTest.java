package io.fleetsim.workload.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.workload.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Client behaviour draws from streams of its own (patience, tenant mix, shared prefixes), so adding
 * tenants, patience, retries or a system prompt leaves the open-loop traffic (arrival instants,
 * routes, lengths) number for number the same: two such scenarios are compared on the same requests.
 */
class CommonRandomNumbersTest {

    private static final String BASE = """
            name: crn
            seed: 99
            horizon: 10m
            workload:
              arrivals: {process: poisson, rate_per_s: 6}
              routes:
                - name: chat
                  share: 0.7
                  prompt_tokens: {dist: lognormal, median: 700, p99: 6000, max: 32000}
                  output_tokens: {dist: lognormal, median: 250, p99: 1500, max: 4096}
                  slo: {ttft: 5s, tpot: 1h}
                - name: summarize
                  share: 0.3
                  prompt_tokens: {dist: uniform, min: 1000, max: 8000}
                  output_tokens: {dist: uniform, min: 50, max: 400}
                  slo: {ttft: 5s, tpot: 1h}
            pools:
              - name: servers
                kind: reserved
                replicas: 8
                usd_per_gpu_hour: 1
                service_time: {dist: exponential, mean: 1s}
            """;

    private static final String TENANTS = "  tenants:\n    - {name: a, share: 0.6}\n    - {name: b, share: 0.4}\n";

    /** {@code yaml} with tenants, and {@code clients} lines added to both routes. */
    private static String with(String yaml, String clients) {
        return yaml.replace("  routes:\n", TENANTS + "  routes:\n")
                .replace("      slo: {ttft: 5s, tpot: 1h}\n", "      slo: {ttft: 5s, tpot: 1h}\n" + clients);
    }

    /** What the traffic is made of, without the tenant and the prefix. */
    private record Traffic(long id, int route, double arrival, int prompt, int output) {
        static Traffic of(Request r) {
            return new Traffic(r.id(), r.route(), r.arrivalTime(), r.promptTokens(), r.outputTokens());
        }
    }

    private static List<Traffic> traffic(ClientWorld w) {
        return w.sent.stream().map(Traffic::of).toList();
    }

    private static ClientWorld run(String yaml) {
        ClientWorld w = ClientWorld.withTraffic(yaml, 600);
        w.runUntil(600);
        return w;
    }

    @Test
    void tenantsPatienceAndRetriesThatCancelNothingChangeNothing() {
        String patient = with(BASE, "      patience: {dist: exponential, mean: 10h}\n"
                + "      retries: {max_attempts: 3, backoff: 1s}\n");
        ClientWorld base = run(BASE);
        ClientWorld withClients = run(patient);
        assertEquals(0, withClients.requests().cancelled(), "nobody runs out of a 10 h patience");
        assertEquals(traffic(base), traffic(withClients));
        assertTrue(base.sent.size() > 3000);
        assertArrayEquals(base.metrics.arrivedTokens(), withClients.metrics.arrivedTokens());
        assertTrue(withClients.sent.stream().anyMatch(r -> r.tenant() == 1));
        // The fleet serves the same requests the same way.
        RunResult a = Simulation.run(ClientWorld.scenario(BASE));
        RunResult b = Simulation.run(ClientWorld.scenario(patient));
        assertEquals(a.requests(), b.requests());
        assertEquals(a.tokens(), b.tokens());
        assertEquals(a.latency(), b.latency());
        for (int i = 0; i < 2; i++) {
            assertEquals(a.routes().get(i).requests(), b.routes().get(i).requests());
        }
        assertEquals(a.costUsd(), b.costUsd(), 0);
    }

    @Test
    void cancellationsAndRetriesDoNotMoveTheOpenLoopTraffic() {
        // A fleet one third the size: the queue grows and impatient clients give up, some for good.
        String base = BASE.replace("replicas: 8", "replicas: 3");
        String impatient = with(base, "      patience: {dist: exponential, mean: 3s}\n"
                + "      retries: {max_attempts: 2, backoff: 2s}\n");
        ClientWorld a = run(base);
        ClientWorld b = run(impatient);
        assertTrue(b.requests().cancelled() > 100, "cancelled " + b.requests().cancelled());
        assertTrue(b.metrics.routedTo(0) > b.requests().arrived(), "retried attempts were routed too");
        assertEquals(traffic(a), traffic(b));
        assertArrayEquals(a.metrics.arrivedTokens(), b.metrics.arrivedTokens());
        assertEquals(a.requests().arrived(), b.requests().arrived());
        assertNotEquals(a.requests().completed(), b.requests().completed());
        b.assertConserved("end");
        // The tenant of each request does not depend on the clients' patience either.
        ClientWorld c = run(with(base, ""));
        assertEquals(b.sent.stream().map(Request::tenant).toList(), c.sent.stream().map(Request::tenant).toList());
    }

    @Test
    void aSharedSystemPromptDoesNotMoveTheTraffic() {
        ClientWorld a = run(BASE);
        ClientWorld b = run(with(BASE, "      prefix: {tokens: 512, share: 0.5, variants: 3}\n"));
        assertEquals(traffic(a), traffic(b));
        assertTrue(b.sent.stream().anyMatch(r -> !r.prefix().isEmpty()));
        assertTrue(b.sent.stream().anyMatch(r -> r.prefix().isEmpty()));
    }
}
