package io.fleetsim.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.cost.HeadroomCost;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.OutcomeTally;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.run.DisruptionResult;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Zone outages, rolling deploys and N+k headroom against hand-computed replica-hours and money,
 * with paid GPU-seconds, money and requests still adding up; bad values exit with the field named.
 */
class DisruptionsTest {

    /** 4 replicas of 2 GPUs at $3 per GPU-hour, light traffic of fixed 100 ms requests, over 1 hour. */
    private static final String SCENARIO = """
            name: d
            seed: 7
            horizon: 1h
            workload:
              arrivals: {process: poisson, rate_per_s: 2}
              routes:
                - name: r
                  prompt_tokens: {dist: fixed, tokens: 10}
                  output_tokens: {dist: fixed, tokens: 10}
                  slo: {ttft: 10s, tpot: 1s}
            pools:
              - name: p
                kind: KIND
                replicas: 4
                usd_per_gpu_hour: 3
                gpus_per_replica: 2
                service_time: {dist: fixed, value: 100ms}
            """;

    private static RunResult run(String kind, String poolFields) {
        String yaml = SCENARIO.replace("KIND", kind) + poolFields.indent(4);
        return Simulation.run(new ScenarioLoader().bind(SpecDocument.parse(yaml, "d.yaml", false)));
    }

    private static ScenarioException fails(String poolFields) {
        return assertThrows(ScenarioException.class, () -> run("reserved", poolFields));
    }

    @Test
    void aScheduledOutageLosesItsShareForItsDurationAndAReservedPoolStillPays() {
        RunResult run = run("reserved", "zone_outages: [{name: zone-a, at: 10m, duration: 15m, share: 0.5}]");
        DisruptionResult d = run.disruptions().get(0);
        assertEquals("zone_outage", d.kind());
        assertEquals(2, d.replicasOut());
        // 2 replicas x 15 minutes.
        assertEquals(0.5, d.replicaHoursOut(), 1e-9);
        assertEquals(600, d.startSeconds(), 1e-9);
        assertEquals(1500, d.endSeconds(), 1e-9);
        assertTrue(d.ended());
        PoolResult p = run.pools().get(0);
        // Reserved: 4 replicas x 2 GPUs x 1 h paid; the lost half hour as "down": 0.5 x 2 GPUs x $3.
        assertEquals(8, p.gpuHours(), 1e-9);
        assertEquals(24, p.costUsd(), 1e-9);
        assertEquals(0.5 * 2 * 3, p.costByStateUsd().get("down"), 1e-9);
        assertEquals(p.costUsd(), p.costByStateUsd().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void anOnDemandPoolDoesNotPayForTheLostZoneAndItsReplicasRestartAfterIt() {
        RunResult run = run("on-demand",
                "zone_outages: [{at: 10m, duration: 15m, share: 0.5, restart: 5m}]");
        PoolResult p = run.pools().get(0);
        // 4 replica-hours less the 0.5 lost, x 2 GPUs; the 5-minute restarts are paid (cold start).
        assertEquals((4 - 0.5) * 2, p.gpuHours(), 1e-6);
        assertEquals(2 * (5 / 60.0) * 2 * 3, p.costByStateUsd().get("cold_start"), 1e-6);
        assertEquals(0, p.costByStateUsd().get("down"), 1e-12);
        assertEquals(6, p.replicasStarted());
    }

    @Test
    void requestsAreJudgedByTheWindowTheyArrivedInAndAllAreCounted() {
        RunResult run = run("reserved", "zone_outages: [{at: 10m, duration: 15m, share: 0.75}]");
        DisruptionResult d = run.disruptions().get(0);
        OutcomeTally.Summary during = d.during();
        OutcomeTally.Summary outside = d.outside();
        var all = run.requests();
        assertEquals(all.completed() + all.rejected() + all.cancelled(), during.requests() + outside.requests());
        assertEquals(all.withinSlo(), during.withinSlo() + outside.withinSlo());
        // About 2 requests/s over the 900 s window.
        assertEquals(1800, during.requests(), 5 * Math.sqrt(1800));
        assertEquals(3, d.replicasOut());
    }

    @Test
    void anOutageStillOnAtTheEndIsReportedUpToTheHorizon() {
        DisruptionResult d = run("reserved", "zone_outages: [{at: 50m, duration: 1h, share: 0.25}]")
                .disruptions().get(0);
        assertFalse(d.ended());
        assertEquals(3600, d.endSeconds(), 1e-9);
        // 1 replica from 50 minutes to the end of the hour.
        assertEquals(10 / 60.0, d.replicaHoursOut(), 1e-9);
    }

    @Test
    void randomOutagesAreDrawnOnceAndRepeatWithTheSeed() {
        String outages = "zone_outages: [{mean_time_between: 10m, duration: {dist: exponential, mean: 2m}, "
                + "share: 0.5}]";
        RunResult a = run("reserved", outages);
        RunResult b = run("reserved", outages);
        assertEquals(a.disruptions(), b.disruptions());
        // About 6 an hour.
        assertTrue(a.disruptions().size() >= 1 && a.disruptions().size() <= 15, a.disruptions().toString());
        for (DisruptionResult d : a.disruptions()) {
            assertTrue(d.startSeconds() < 3600);
            assertEquals(d.replicasOut() * (d.endSeconds() - d.startSeconds()) / 3600, d.replicaHoursOut(), 1e-9);
        }
    }

    @Test
    void aRollingDeployReplacesEveryReplicaBatchByBatch() {
        RunResult run = run("reserved",
                "rolling_deploys: [{name: v2, at: 10m, batch_share: 0.5, drain: 1m, replace: 4m}]");
        DisruptionResult d = run.disruptions().get(0);
        assertEquals("rolling_deploy", d.kind());
        assertEquals(4, d.replicasOut());
        // 2 batches of 2 replicas, each out for 1 + 4 minutes: the deploy takes 10 minutes.
        assertEquals(600, d.startSeconds(), 1e-9);
        assertEquals(1200, d.endSeconds(), 1e-9);
        assertEquals(4 * 5 / 60.0, d.replicaHoursOut(), 1e-9);
        PoolResult p = run.pools().get(0);
        assertEquals(8, p.replicasStarted());
        // Reserved: every slot is paid all hour (draining, emptied, replacement starting), up to
        // the billing granularity's rounding of replicas that left at a fraction of a second.
        double rounding = p.costByStateUsd().get("billing_rounding");
        assertEquals(24, p.costUsd() - rounding, 1e-6);
        assertEquals(4 * 4 / 60.0 * 2 * 3, p.costByStateUsd().get("cold_start"), 1e-6);
    }

    @Test
    void headroomRunsNPlusKAndPricesTheSpares() {
        RunResult run = run("reserved", "headroom: {spare_replicas: 1}");
        PoolResult p = run.pools().get(0);
        assertEquals(5, p.replicas());
        HeadroomCost h = p.headroom();
        assertEquals("N+1", h.policy());
        assertEquals(4, h.neededReplicas());
        assertEquals(1, h.spareReplicas());
        // 1 spare replica x 2 GPUs x 1 h x $3.
        assertEquals(2, h.spareGpuHours(), 1e-9);
        assertEquals(6, h.costUsd(), 1e-9);
        assertEquals(30, p.costUsd(), 1e-9);
        assertNull(run("reserved", "").pools().get(0).headroom());
    }

    @Test
    void aShareOfHeadroomIsRoundedUp() {
        HeadroomCost h = run("reserved", "headroom: {spare_share: 0.3}").pools().get(0).headroom();
        assertEquals(2, h.spareReplicas());
        assertEquals("N+30% (2)", h.policy());
    }

    @Test
    void onLlmReplicasTokensAndMoneyStillAddUpThroughAnOutageAndADeploy() {
        ScenarioSpec spec = new ScenarioLoader().load(Path.of("..", "scenarios", "economics", "rolling-deploy.yaml"))
                .withHorizon(600);
        RunResult run = Simulation.run(spec);
        TokenCounts t = run.tokens();
        // Every completed request's tokens are useful or outside its SLO; the killed work is extra.
        assertEquals(t.input() + t.output(), t.useful() + t.wasted().get("outside_slo"));
        PoolResult p = run.pools().get(0);
        assertEquals(p.costUsd(), p.costByStateUsd().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        double routes = run.routes().stream().mapToDouble(r -> r.costUsd()).sum() + run.unattributedCostUsd();
        assertEquals(run.costUsd(), routes, 1e-9);
        // Reserved: 5 replicas x 4 GPUs x 10 minutes, whatever the deploy did, up to billing rounding.
        double roundingGpuHours = p.costByStateUsd().get("billing_rounding") / 2.99;
        assertEquals(5 * 4 * 600 / 3600.0, p.gpuHours() - roundingGpuHours, 1e-6);
        DisruptionResult d = run.disruptions().get(0);
        var all = run.requests();
        assertEquals(all.completed() + all.rejected() + all.cancelled(), d.during().requests() + d.outside().requests());
    }

    @Test
    void badValuesNameTheirField() {
        assertEquals("pools[0].zone_outages[0].share",
                fails("zone_outages: [{at: 1m, duration: 5m, share: 1.5}]").fieldPath());
        assertEquals("pools[0].zone_outages[0].share",
                fails("zone_outages: [{at: 1m, duration: 5m, share: 0}]").fieldPath());
        assertEquals("pools[0].zone_outages[0].duration",
                fails("zone_outages: [{at: 1m, duration: -5m, share: 0.5}]").fieldPath());
        assertEquals("pools[0].zone_outages[0].duration",
                fails("zone_outages: [{at: 1m, duration: 0s, share: 0.5}]").fieldPath());
        assertEquals("pools[0].zone_outages[0]",
                fails("zone_outages: [{duration: 5m, share: 0.5}]").fieldPath());
        assertEquals("pools[0].rolling_deploys[0].batch_share",
                fails("rolling_deploys: [{at: 1m, batch_share: -0.1, drain: 1m, replace: 1m}]").fieldPath());
        assertEquals("pools[0].rolling_deploys[0].drain",
                fails("rolling_deploys: [{at: 1m, batch_share: 0.5, drain: -1m, replace: 1m}]").fieldPath());
        assertEquals("pools[0].headroom.spare_replicas", fails("headroom: {spare_replicas: -1}").fieldPath());
        assertEquals("pools[0].headroom.spare_share", fails("headroom: {spare_share: 2}").fieldPath());
        assertEquals("pools[0].zone_outages[0].mean_time_between",
                fails("zone_outages: [{mean_time_between: 10ms, duration: 1s, share: 0.5}]").fieldPath());
    }
}
