package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On-demand capacity against hand-worked cases: billing granularity, cold starts that delay
 * serving, and scale-down that drains replicas before releasing them.
 */
class OnDemandPoolTest {

    /**
     * One on-demand replica (2 GPUs at $3/GPU-hour, overhead x1.25, so $7.50 an hour) held up by a
     * scheduled minimum from 00:00 to 01:01 and released 30 s later (scale_down_delay): asked for
     * at 0 s, ready after a 210 s cold start, released at 3,690 s (61.5 min). No traffic.
     */
    private static String billingScenario(String billing) {
        return """
                name: billing
                seed: 1
                horizon: 3h
                economics: {overhead_multiplier: 1.25}
                workload:
                  arrivals: {process: poisson, rate_per_s: 1.0e-9}
                  routes:
                    - name: r
                      prompt_tokens: {dist: fixed, tokens: 10}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1s, tpot: 1s}
                      pool: od
                pools:
                  - name: od
                    kind: on-demand
                    min_replicas: 0
                    max_replicas: 2
                    usd_per_gpu_hour: 3
                    gpus_per_replica: 2
                    service_time: {dist: fixed, value: 1s}
                    billing: %s
                    cold_start: {provision: 2m, model_load: 90s}
                    autoscaling:
                      signal: queue_depth
                      target: 1
                      scale_down_delay: 30s
                      schedule: [{from: "00:00", to: "01:01", min_replicas: 1}]
                """.formatted(billing);
    }

    @ParameterizedTest(name = "{0}: a 61.5-minute life is billed {1} s")
    @CsvSource({"per-second, 3690", "per-minute, 3720", "per-hour, 7200"})
    void billingGranularityRoundsEachReplicaLifeUp(String billing, double billedSeconds) {
        RunResult r = Simulation.run(FleetHarness.scenario(billingScenario(billing)));
        PoolResult pool = r.pools().get(0);
        double usdPerReplicaSecond = 2 * 3 * 1.25 / 3600;
        Map<String, Double> states = pool.costByStateUsd();
        assertEquals(1, pool.replicasStarted());
        assertEquals(210 * usdPerReplicaSecond, states.get("cold_start"), 1e-9, "cold start: 2 min + 90 s");
        assertEquals((3690 - 210) * usdPerReplicaSecond, states.get("idle"), 1e-9, "serving, never busy");
        assertEquals(0, states.get("busy"), 1e-12);
        assertEquals(0, states.get("draining"), 1e-12, "idle when released: nothing to drain");
        assertEquals((billedSeconds - 3690) * usdPerReplicaSecond, states.get("billing_rounding"), 1e-9);
        assertEquals(billedSeconds * usdPerReplicaSecond, pool.costUsd(), 1e-9);
        assertEquals(billedSeconds * 2 / 3600, pool.gpuHours(), 1e-9);
        assertEquals(pool.costUsd(), r.costUsd(), 1e-9, "the only pool and no fixed costs");
    }

    @Test
    void perHourBillingOfA61MinuteReplicaPaysTwoHours() {
        // The example, with no cold start: 61 minutes billed per hour costs 120 minutes.
        String yaml = billingScenario("per-hour").replace("    cold_start: {provision: 2m, model_load: 90s}\n", "")
                .replace("scale_down_delay: 30s", "scale_down_delay: 0s");
        RunResult r = Simulation.run(FleetHarness.scenario(yaml));
        PoolResult pool = r.pools().get(0);
        double usdPerReplicaMinute = 2 * 3 * 1.25 / 60;
        assertEquals(61 * usdPerReplicaMinute, pool.costByStateUsd().get("idle"), 1e-9);
        assertEquals(59 * usdPerReplicaMinute, pool.costByStateUsd().get("billing_rounding"), 1e-9);
        assertEquals(120 * usdPerReplicaMinute, pool.costUsd(), 1e-9);
    }

    /**
     * An on-demand pool that starts empty and must scale from zero: requests wait in its queue
     * until the first replica has finished its cold start. Checked every 0.25 s: no replica serves
     * while starting (a textbook server serves one request at a time, so requests in service can
     * never exceed serving plus draining replicas), and nothing completes before the first
     * replica was asked for plus its cold start plus one service time.
     */
    @Test
    void newCapacityServesOnlyAfterItsColdStart() {
        FleetHarness h = new FleetHarness("""
                name: cold
                seed: 3
                horizon: 40m
                workload:
                  arrivals: {process: poisson, rate_per_s: 1.5}
                  routes:
                    - name: r
                      prompt_tokens: {dist: fixed, tokens: 10}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 10s, tpot: 1s}
                      pool: od
                pools:
                  - name: od
                    kind: on-demand
                    min_replicas: 0
                    max_replicas: 6
                    usd_per_gpu_hour: 1
                    service_time: {dist: fixed, value: 2s}
                    cold_start: {provision: 2m, model_load: 90s}
                    autoscaling: {signal: in_flight_per_replica, target: 1, scale_up_delay: 0s,
                                  scale_down_delay: 30m, cooldown: 30s}
                """, 30 * 60);
        Pool pool = h.pool("od");
        double coldStart = 210;
        double firstAsked = Double.NaN;
        double firstCompletion = Double.NaN;
        int maxStarting = 0;
        for (double t = 0; t <= 40 * 60; t += 0.25) {
            h.runUntil(t);
            int starting = pool.replicasIn(ReplicaState.COLD_START);
            int serving = pool.replicasIn(ReplicaState.SERVING);
            int draining = pool.replicasIn(ReplicaState.DRAINING);
            maxStarting = Math.max(maxStarting, starting);
            if (Double.isNaN(firstAsked) && starting > 0) {
                firstAsked = t;
            }
            if (Double.isNaN(firstCompletion) && h.completed() > 0) {
                firstCompletion = t;
            }
            assertTrue(pool.inService() <= serving + draining,
                    "at " + t + " s, " + pool.inService() + " requests in service on " + serving
                            + " serving and " + draining + " draining replicas (" + starting + " starting)");
            if (serving + draining == 0) {
                assertEquals(0, pool.inService(), "nothing serves before a replica is ready, t=" + t);
            }
        }
        h.fleet.close(40 * 60);
        assertTrue(firstAsked >= 0 && firstAsked < 60, "the autoscaler asks for replicas at once: " + firstAsked);
        // firstAsked is seen up to one step (0.25 s) late.
        assertTrue(firstCompletion >= firstAsked - 0.25 + coldStart + 2,
                "first completion at " + firstCompletion + " s, first replica asked for at " + firstAsked);
        assertTrue(maxStarting >= 2, "several replicas started together");
        assertTrue(pool.ledger().replicasStarted() >= 3, "the pool grew to several replicas");
        // Every replica spent exactly its cold start starting (none was cancelled: scale-down waits
        // 30 minutes), and none was still starting at the end.
        assertEquals(0, pool.replicasIn(ReplicaState.COLD_START));
        assertEquals(coldStart * pool.ledger().replicasStarted(), pool.ledger().coldStartSeconds(), 1e-6);
        // Nothing lost: arrivals stopped at 30 min and every request has completed since.
        assertEquals(h.forwarded, h.requests().completed());
        assertEquals(0, h.metrics.inSystemNow());
    }

    /**
     * Four busy replicas (2-minute fixed service, long queue) scaled down to one at 30:00 by the end
     * of a scheduled minimum: the three victims drain, each finishing the request it holds and
     * taking no other (so it drains for at most one service time), then are released; the
     * survivor works off the queue, and every request completes.
     */
    @Test
    void scaleDownDrainsThenReleasesAndLosesNothing() {
        FleetHarness h = new FleetHarness("""
                name: drain
                seed: 11
                horizon: 3h
                economics: {overhead_multiplier: 1.0}
                workload:
                  arrivals: {process: poisson, rate_per_s: 0.05}
                  routes:
                    - name: r
                      prompt_tokens: {dist: fixed, tokens: 10}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 10s, tpot: 1s}
                      pool: od
                pools:
                  - name: od
                    kind: on-demand
                    replicas: 4
                    min_replicas: 1
                    max_replicas: 4
                    usd_per_gpu_hour: 2
                    service_time: {dist: fixed, value: 120s}
                    autoscaling:
                      signal: in_flight_per_replica
                      target: 1000
                      scale_down_delay: 0s
                      schedule: [{from: "00:00", to: "00:30", min_replicas: 4}]
                """, 30 * 60);
        Pool pool = h.pool("od");
        h.runUntil(1800 - 1e-6);
        assertEquals(4, pool.replicasIn(ReplicaState.SERVING));
        assertEquals(4, pool.busyReplicas(), "all four busy when the scale-down comes");
        assertTrue(pool.queued() > 0);
        h.runUntil(1800);
        assertEquals(1, pool.replicasIn(ReplicaState.SERVING));
        assertEquals(3, pool.replicasIn(ReplicaState.DRAINING), "victims drain, they are not cut off");
        assertEquals(4, pool.inService(), "draining replicas keep their requests");
        h.runUntil(1800 + 120);
        assertEquals(0, pool.replicasIn(ReplicaState.DRAINING), "released within one service time");
        assertEquals(1, pool.replicasIn(ReplicaState.SERVING));
        h.finish();

        PoolLedger ledger = pool.ledger();
        assertTrue(ledger.drainingSeconds() > 0 && ledger.drainingSeconds() <= 3 * 120,
                "draining replica-seconds: " + ledger.drainingSeconds());
        // Paid: one replica all along, three until 30:00 plus their draining (per-second billing
        // rounds each released life up to the next whole second).
        double expected = 10800 + 3 * 1800 + ledger.drainingSeconds();
        assertEquals(expected, ledger.paidSeconds() - ledger.roundingSeconds(), 1e-6);
        assertTrue(ledger.roundingSeconds() < 3, "at most a second per released replica");
        assertEquals(4, ledger.replicasStarted());
        // No request lost: every one that arrived has completed by the horizon.
        assertEquals(h.forwarded, h.requests().completed());
        assertEquals(0, h.requests().rejected());
        assertEquals(0, h.metrics.inSystemNow());
    }
}
