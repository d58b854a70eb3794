package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.scenario.ScenarioBuilder;
import io.fleetsim.scenario.ScenarioBuilder.Route;
import org.junit.jupiter.api.Test;

/**
 * Spot capacity: the notice stops admission, an interruption loses the work in service (counted
 * as waste) and sends the requests to be served elsewhere, nothing is lost or served twice,
 * unavailability windows refuse new replicas, and a fixed spot pool comes back afterwards.
 */
class SpotPoolTest {

    /**
     * Chat on one spot replica (Llama 3.1 8B, 1 x H100) with overflow to two reserved replicas.
     * The spot replica is interrupted at 5:00 after a 10 s notice; spot capacity is unavailable
     * from 4:00 to 10:00, so its replacement is refused until 10:00, then takes a 1-minute cold
     * start. Each request generates 2,000 tokens (tens of seconds), so the notice is too short for
     * the work in service to finish.
     */
    private static final String SCENARIO = """
            name: spot-loss
            seed: 7
            horizon: 25m
            workload:
              arrivals: {process: poisson, rate_per_s: 2}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 1000}
                  output_tokens: {dist: fixed, tokens: 2000}
                  slo: {ttft: 2s, tpot: 100ms}
                  pool: spot
                  overflow: {to: [reserved], in_flight_per_replica: 48}
            pools:
              - name: spot
                kind: spot
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 3
                cold_start: {provision: 1m}
                spot: {interruptions: [5m], notice: 10s, unavailable: [{start: 4m, end: 10m}]}
              - name: reserved
                kind: reserved
                replicas: 2
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 6
            """;

    @Test
    void interruptionMovesWorkElsewhereAndCountsItsTokensAsWaste() {
        FleetHarness h = new FleetHarness(SCENARIO, 15 * 60);
        Pool spot = h.pool("spot");
        Pool reserved = h.pool("reserved");

        h.runUntil(290 - 1e-6);
        assertEquals(1, spot.replicasIn(ReplicaState.SERVING));
        int inServiceAtNotice = spot.inService();
        assertTrue(inServiceAtNotice > 10, "the spot replica is loaded: " + inServiceAtNotice);
        h.runUntil(290);
        assertEquals(1, spot.ledger().interruptions());
        assertEquals(1, spot.replicasIn(ReplicaState.DRAINING), "the notice drains the replica");
        assertEquals(0, spot.replicasIn(ReplicaState.COLD_START), "no replacement inside the window");
        assertEquals(1, spot.ledger().failedScaleUps(), "the replacement was refused");

        // From notice to interruption: no admission on spot (work in service only shrinks), and
        // the router sends nothing there.
        long routedToSpot = h.metrics.routedTo(spot.index());
        int previous = spot.inService();
        for (double t = 290; t < 300; t += 0.05) {
            h.runUntil(t);
            assertTrue(spot.inService() <= previous, "spot admitted work after its notice, t=" + t);
            previous = spot.inService();
            assertEquals(routedToSpot, h.metrics.routedTo(spot.index()), "routed to a noticed pool, t=" + t);
        }
        h.runUntil(300 - 1e-9);
        int lostCount = spot.inService();
        assertTrue(lostCount > 0, "work still in service when the machine goes");
        long reservedBefore = h.metrics.routedTo(reserved.index());
        long forwardedBefore = h.forwarded;
        h.runUntil(300);
        assertEquals(0, spot.replicasIn(ReplicaState.DRAINING));
        assertEquals(0, spot.inService());
        assertEquals(reservedBefore + (h.forwarded - forwardedBefore) + lostCount,
                h.metrics.routedTo(reserved.index()), "the lost requests went to the reserved pool");
        long spotLost = h.tokens().wasted().get("spot_lost");
        assertTrue(spotLost > 0, "lost work is waste");
        // Each lost request had at least its 1,000-token prompt computed and at most all of it
        // plus its 2,000 output tokens.
        assertTrue(spotLost >= 1000L * lostCount && spotLost <= 3000L * lostCount, "spot_lost " + spotLost);

        // The window ends at 10:00: the fixed pool asks again, and serves after its cold start.
        h.runUntil(600 - 1e-6);
        assertEquals(0, spot.activeReplicas());
        h.runUntil(600);
        assertEquals(1, spot.replicasIn(ReplicaState.COLD_START), "asked again when capacity returns");
        h.runUntil(660 - 1e-6);
        assertEquals(0, spot.replicasIn(ReplicaState.SERVING));
        h.runUntil(660);
        assertEquals(1, spot.replicasIn(ReplicaState.SERVING), "recovered after the window and a cold start");
        long routedAt660 = h.metrics.routedTo(spot.index());
        h.runUntil(15 * 60);
        assertTrue(h.metrics.routedTo(spot.index()) > routedAt660, "serving traffic again");

        h.finish();
        assertEquals(2, spot.ledger().replicasStarted());
        assertEquals(1, spot.ledger().interruptions());
        // Nothing lost, nothing served twice: arrivals stopped at 15:00 and each one completed once.
        RequestCounts c = h.requests();
        assertEquals(h.forwarded, c.arrived());
        assertEquals(c.arrived(), c.completed() + c.rejected() + c.inFlightAtEnd());
        assertEquals(h.forwarded, c.completed());
        assertEquals(0, h.metrics.inSystemNow());
        // Routing decisions: every arrival once, plus the lost requests again.
        assertEquals(h.forwarded + lostCount, h.metrics.routedTo(spot.index()) + h.metrics.routedTo(reserved.index()));
        // Spot paid: 0-300 s serving or draining, then 600-1500 s (60 s of it starting).
        assertEquals(300 + 900, spot.ledger().paidSeconds() - spot.ledger().roundingSeconds(), 1e-6);
        assertEquals(60, spot.ledger().coldStartSeconds(), 1e-9);
        assertEquals(10, spot.ledger().drainingSeconds(), 1e-9);
    }

    /**
     * With no traffic, the times between notices of a fixed one-replica pool are
     * X = max(0, E - notice) with E exponential of mean m (the replacement is asked for at the
     * notice, here with no cold start), so E[X] = m exp(-notice/m) and E[X^2] = 2 m^2
     * exp(-notice/m); their count over a long horizon H has mean H / E[X] and variance about
     * H Var[X] / E[X]^3 (renewal theory), checked within 4 standard deviations.
     */
    @Test
    void interruptionsFollowTheMeanTimeBetweenInterruptions() {
        double hours = 400;
        double m = 3600;
        double notice = 120;
        FleetHarness h = new FleetHarness(ScenarioBuilder.scenario("mtbi").seed(5).horizon((long) hours + "h")
                .poisson(1.0e-9)
                .route(Route.named("r").fixedTokens(10, 10).slo("1s", "1s").pool("spot"))
                .pool(ScenarioBuilder.Pool.spot("spot").replicas(1).price(1).serviceTime("{dist: fixed, value: 1s}")
                        .set("spot", "{mean_time_between_interruptions: 1h, notice: 2m}"))
                .yaml());
        h.finish();
        Pool spot = h.pool("spot");
        double mu = m * Math.exp(-notice / m);
        double var = 2 * m * m * Math.exp(-notice / m) - mu * mu;
        double horizon = hours * 3600;
        double expected = horizon / mu;
        double sd = Math.sqrt(horizon * var / (mu * mu * mu));
        int n = spot.ledger().interruptions();
        assertTrue(Math.abs(n - expected) < 4 * sd,
                "interruptions " + n + ", expected " + expected + " +- " + sd);
        assertEquals(n + 1, spot.ledger().replicasStarted(), "one replacement per notice");
        assertEquals(0, spot.ledger().failedScaleUps());
        // Always exactly one replica paid for: an idle replica given notice is released at once
        // (nothing to drain) as its replacement starts.
        assertEquals(0, spot.ledger().drainingSeconds());
        assertEquals(horizon, spot.ledger().paidSeconds() - spot.ledger().roundingSeconds(), 1e-3);
    }

    /** An autoscaled spot pool asked to grow inside an unavailability window is refused, then grows after it. */
    @Test
    void unavailabilityWindowRefusesScaleUps() {
        FleetHarness h = new FleetHarness(ScenarioBuilder.scenario("window").seed(9).horizon("30m").poisson(2)
                .route(Route.named("r").fixedTokens(10, 10).slo("1s", "1s").pool("spot"))
                .pool(ScenarioBuilder.Pool.spot("spot").replicas(1).set("min_replicas", "1").set("max_replicas", "8")
                        .price(1)
                        .serviceTime("{dist: fixed, value: 2s}")
                        .set("autoscaling",
                                "{signal: in_flight_per_replica, target: 1, scale_up_delay: 0s, cooldown: 0s}")
                        .set("spot",
                                "{unavailable: [{start: 0s, end: 10m}], mean_time_between_interruptions: 1000h}"))
                .yaml(), 30 * 60);
        Pool spot = h.pool("spot");
        h.runUntil(600 - 1e-6);
        assertEquals(1, spot.activeReplicas(), "no growth while capacity cannot be had");
        assertTrue(spot.ledger().failedScaleUps() >= 30, "refused at every evaluation: " + spot.ledger().failedScaleUps());
        int refused = spot.ledger().failedScaleUps();
        h.runUntil(630);
        assertTrue(spot.activeReplicas() >= 4, "grows once the window ends: " + spot.activeReplicas());
        assertEquals(refused, spot.ledger().failedScaleUps());
    }
}
