package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.workload.Request;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Routing checked decision by decision: before each request reaches the fleet, the test looks at
 * the pools as the router will see them and predicts, from the documented rule, where the request
 * must go; then it checks where it went. The rule: a route's pools are tried in order, skipping
 * full ones (admission control); the first that is not saturated takes the request; if all are
 * saturated, the last one that is not full does; if every pool is full, the request is shed.
 */
class RoutingTest {

    /** Two pools of textbook servers: a (2 servers) and b (20); 3 requests/s overload a alone. */
    private static String scenario(String routes, String poolA, String poolB) {
        return """
                name: routing
                seed: 17
                horizon: 20m
                workload:
                  arrivals: {process: poisson, rate_per_s: 3}
                  routes:
                %s
                pools:
                  - name: a
                    kind: reserved
                    replicas: 2
                    usd_per_gpu_hour: 1
                    service_time: {dist: exponential, mean: 1s}
                %s
                  - name: b
                    kind: reserved
                    replicas: 20
                    usd_per_gpu_hour: 1
                    service_time: {dist: exponential, mean: 1s}
                %s
                """.formatted(routes.indent(4).stripTrailing(), poolA.indent(4).stripTrailing(),
                poolB.indent(4).stripTrailing());
    }

    private static String route(String name, String extra) {
        return """
                - name: %s
                  share: 1
                  prompt_tokens: {dist: fixed, tokens: 10}
                  output_tokens: {dist: fixed, tokens: 10}
                  slo: {ttft: 4s, tpot: 1s}
                  %s
                """.formatted(name, extra);
    }

    /** Where a request must go: the index of a pool, or -1 for shed. */
    private static int expected(List<Pool> order, Predicate<Pool> saturated) {
        Pool fallback = null;
        for (Pool p : order) {
            if (p.queued() >= p.spec().maxQueue()) {
                continue;
            }
            fallback = p;
            if (order.size() == 1 || !saturated.test(p)) {
                return p.index();
            }
        }
        return fallback == null ? -1 : fallback.index();
    }

    /** Runs {@code h}, checking every routing decision of route 0 against {@code saturated}; returns counts per outcome. */
    private static long[] checkDecisions(FleetHarness h, List<Pool> order, Predicate<Pool> saturated) {
        long[] outcomes = new long[h.fleet.pools().size() + 1];
        int[] expect = new int[1];
        long[] routedBefore = new long[h.fleet.pools().size()];
        long[] rejectedBefore = new long[1];
        h.before = r -> {
            if (r.route() != 0) {
                return;
            }
            expect[0] = expected(order, saturated);
            for (Pool p : h.fleet.pools()) {
                routedBefore[p.index()] = h.metrics.routedTo(p.index());
                assertTrue(p.queued() <= p.spec().maxQueue(), "queue over its limit in " + p.spec().name());
            }
            rejectedBefore[0] = h.metrics.totals().rejected();
        };
        h.after = (Request r) -> {
            if (r.route() != 0) {
                return;
            }
            int went = -1;
            for (Pool p : h.fleet.pools()) {
                if (h.metrics.routedTo(p.index()) > routedBefore[p.index()]) {
                    went = p.index();
                }
            }
            if (went < 0) {
                assertEquals(rejectedBefore[0] + 1, h.metrics.totals().rejected(), "neither routed nor rejected");
            }
            assertEquals(expect[0], went, "request " + r.id() + " at " + r.arrivalTime());
            outcomes[went < 0 ? outcomes.length - 1 : went]++;
        };
        h.finish();
        return outcomes;
    }

    @ParameterizedTest(name = "spill on {0}")
    @CsvSource(delimiter = '|', value = {
        "queue_depth: 3           | queue",
        "in_flight_per_replica: 3 | in_flight",
        "predicted_wait: 2s       | wait",
        "                         | wait"})  // no trigger given: predicted wait over half the 4 s TTFT target
    void overflowGoesToTheNextPoolOnlyWhenTheEarlierIsSaturated(String trigger, String kind) {
        String overflow = trigger == null ? "{to: [b]}" : "{to: [b], " + trigger + "}";
        FleetHarness h = new FleetHarness(scenario(route("chat", "pool: a\n  overflow: " + overflow), "", ""));
        Pool a = h.pool("a");
        Pool b = h.pool("b");
        Predicate<Pool> saturated = switch (kind) {
            case "queue" -> p -> p.queued() >= 3;
            case "in_flight" -> p -> p.replicas() == 0 || (p.queued() + p.inService()) / (double) p.replicas() >= 3;
            default -> p -> p.predictedWaitSeconds() > 2;
        };
        long[] outcomes = checkDecisions(h, List.of(a, b), saturated);
        assertTrue(outcomes[a.index()] > 500 && outcomes[b.index()] > 200,
                "both pools took requests: a " + outcomes[a.index()] + ", b " + outcomes[b.index()]);
        assertEquals(0, outcomes[2], "nothing shed");
        assertEquals(0, h.metrics.overflowTo(a.index()));
        assertEquals(h.metrics.routedTo(b.index()), h.metrics.overflowTo(b.index()), "all of b's requests spilled");
    }

    @Test
    void pinnedRouteNeverSpills() {
        // Route "pinned" (2.5/s) has only pool a (2 servers: its queue grows all run); route "other" uses b.
        FleetHarness h = new FleetHarness(scenario(route("pinned", "pool: a").replace("share: 1", "share: 5")
                + route("other", "pool: b"), "", ""));
        Pool a = h.pool("a");
        Pool b = h.pool("b");
        long[] outcomes = checkDecisions(h, List.of(a), p -> false);
        assertTrue(a.queued() > 100, "a is saturated: " + a.queued() + " queued at the end");
        RequestCounts pinned = h.metrics.route(0).requestCounts();
        RequestCounts other = h.metrics.route(1).requestCounts();
        assertEquals(pinned.arrived(), h.metrics.routedTo(a.index()));
        assertEquals(pinned.arrived(), outcomes[a.index()]);
        assertEquals(other.arrived(), h.metrics.routedTo(b.index()), "b served only its own route");
        assertEquals(0, h.metrics.overflowTo(a.index()) + h.metrics.overflowTo(b.index()));
        assertEquals(0, pinned.rejected());
    }

    @Test
    void admissionControlShedsWhenEveryPoolIsFull() {
        // a spills at 1 queued and admits at most 2 waiting; b (only 2 servers here, slower) at most 3.
        FleetHarness h = new FleetHarness(scenario(route("chat", "pool: a\n  overflow: {to: [b], queue_depth: 1}"),
                "max_queue: 2", "max_queue: 3").replace("replicas: 20", "replicas: 1"));
        Pool a = h.pool("a");
        Pool b = h.pool("b");
        long[] outcomes = checkDecisions(h, List.of(a, b), p -> p.queued() >= 1);
        long shed = h.requests().rejectedByCause().getOrDefault("shed", 0L);
        assertTrue(shed > 100, "shed " + shed);
        assertEquals(outcomes[2], shed);
        assertEquals(shed, h.requests().rejected(), "every rejection is admission control");
        assertTrue(outcomes[a.index()] > 0 && outcomes[b.index()] > 0);
    }

    @Test
    void admissionControlOnAPinnedRoute() {
        FleetHarness h = new FleetHarness(scenario(route("chat", "pool: a"), "max_queue: 4", ""));
        Pool a = h.pool("a");
        long[] outcomes = checkDecisions(h, List.of(a), p -> false);
        long shed = h.requests().rejectedByCause().getOrDefault("shed", 0L);
        assertTrue(shed > 100, "shed " + shed);
        assertEquals(outcomes[2], shed);
        assertEquals(outcomes[a.index()], h.metrics.routedTo(a.index()));
        assertEquals(0, h.metrics.routedTo(h.pool("b").index()), "a pinned route sheds, it does not spill");
    }

    /** The recent-rate estimate behind predicted_wait: each take adds 1/30 and the sum decays with a 30 s time constant. */
    @Test
    void throughputEstimateIsAnExponentiallyWeightedRate() {
        ThroughputEstimate e = new ThroughputEstimate();
        double[] takes = {0.5, 1.0, 1.0, 4.0, 10.0, 40.0};
        for (double t : takes) {
            e.taken(t);
        }
        for (double now : new double[] {40.0, 41.0, 100.0}) {
            double expected = 0;
            for (double t : takes) {
                expected += Math.exp(-(now - t) / 30) / 30;
            }
            assertEquals(expected, e.perSecond(now), 1e-12, "at " + now);
        }
        // A steady stream of 2 per second settles at 2 per second.
        ThroughputEstimate steady = new ThroughputEstimate();
        for (int i = 1; i <= 2000; i++) {
            steady.taken(i * 0.5);
        }
        assertEquals(2, steady.perSecond(1000), 0.05);
    }
}
