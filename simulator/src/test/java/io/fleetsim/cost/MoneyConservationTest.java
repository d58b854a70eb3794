package io.fleetsim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioBuilder;
import io.fleetsim.scenario.ScenarioBuilder.Pool;
import io.fleetsim.scenario.ScenarioBuilder.Route;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.EconomicsSpec;
import io.fleetsim.spec.PoolKind;
import java.util.HashMap;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where the money of a run goes, on a scenario with every pool kind, an overhead multiplier and
 * fixed costs: every way of adding it up gives the same total, and the parts that can be worked
 * out by hand are.
 */
@Tag("scenario")
class MoneyConservationTest {

    /**
     * The shipped worked example of every pool kind: two routes over a reserved pool, an autoscaled
     * on-demand burst pool (per-minute billing, cold starts), a spot pool billed per hour with
     * interruptions and an unavailability window, a rate limited API with errors, and a reserved
     * standby pool no route uses (its comments say more).
     */
    static final Path MIX = Path.of("..", "scenarios", "every-pool-kind.yaml");

    private static RunResult run;

    @BeforeAll
    static void runMix() {
        run = Simulation.run(new ScenarioLoader().load(MIX));
    }

    private static PoolResult pool(String name) {
        return run.pools().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static double sum(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void everyPoolKindIncurredCost() {
        // Not vacuous: each kind of spending happened.
        for (String name : new String[] {"reserved", "burst", "spot", "api", "standby"}) {
            assertTrue(pool(name).costUsd() > 0, name + " cost");
        }
        assertTrue(pool("burst").replicasStarted() > 0);
        assertTrue(pool("spot").interruptions() > 0);
        assertTrue(pool("spot").failedScaleUps() > 0);
        assertTrue(pool("api").routedRequests() > 0);
        Map<String, Double> byState = run.cost().byStateUsd();
        for (String state : new String[] {"busy", "idle", "cold_start", "billing_rounding", "api_input", "api_output",
                "fixed"}) {
            assertTrue(byState.get(state) > 0, state);
        }
    }

    @Test
    void totalEqualsEveryWayOfAddingItUp() {
        double total = run.costUsd();
        assertClose(total, run.cost().totalUsd(), "breakdown total");
        assertClose(total, sum(run.cost().byStateUsd()), "sum of cost_by_state");
        double pools = run.pools().stream().mapToDouble(PoolResult::costUsd).sum();
        assertClose(total, pools + run.cost().fixedUsd(), "pools + fixed");
        double routes = run.routes().stream().mapToDouble(RouteResult::costUsd).sum();
        assertClose(total, routes + run.unattributedCostUsd(), "routes + unattributed");
        assertClose(5000 * 3600 / EconomicsSpec.MONTH_SECONDS, run.cost().fixedUsd(), "fixed prorated to 1 h of 30 days");
        assertClose(run.cost().fixedUsd(), run.cost().byStateUsd().get("fixed"), "fixed state");
        // Each pool's states add up to its cost, and the pools' states to the fleet's.
        Map<String, Double> fleet = new HashMap<>();
        for (PoolResult p : run.pools()) {
            assertClose(p.costUsd(), sum(p.costByStateUsd()), p.name() + " by state");
            p.costByStateUsd().forEach((k, v) -> fleet.merge(k, v, Double::sum));
        }
        fleet.put("fixed", run.cost().fixedUsd());
        assertEquals(fleet.keySet(), run.cost().byStateUsd().keySet());
        fleet.forEach((k, v) -> assertClose(v, run.cost().byStateUsd().get(k), "state " + k));
        assertClose(run.cost().byStateUsd().get("idle"), run.cost().idleUsd(), "idle is the idle state");
        assertClose(total / (run.tokens().useful() / 1e6), run.costPerUsefulMtokUsd(), "per useful Mtok");
    }

    @Test
    void standbyPoolIsUnattributedAndPaysItsFullCommitmentIdle() {
        PoolResult standby = pool("standby");
        // 2 replicas x 4 GPUs x 1 h x $6.50 (catalog reserved H100) x 1.2 overhead.
        assertEquals(6.5, standby.usdPerGpuHour());
        assertClose(2 * 4 * 1.0 * 6.5 * 1.2, standby.costUsd(), "commitment");
        assertClose(standby.costUsd(), standby.costByStateUsd().get("idle"), "all idle");
        assertClose(8, standby.gpuHours(), "GPU-hours");
        assertTrue(run.unattributedCostUsd() >= standby.costUsd() - 1e-9, "no route uses it");
    }

    @Test
    void gpuPoolsCostTheirPaidGpuHoursTimesPriceAndOverhead() {
        for (PoolResult p : run.pools()) {
            if (p.kind() == PoolKind.API) {
                continue;
            }
            assertClose(p.gpuHours() * p.usdPerGpuHour() * 1.2, p.costUsd(), p.name());
        }
        assertClose(12.29, pool("burst").usdPerGpuHour(), "on-demand default");
        assertClose(3.1899, pool("spot").usdPerGpuHour(), "spot default");
        // The reserved pools are paid for the whole hour, nothing more.
        assertClose(8, pool("reserved").gpuHours(), "reserved GPU-hours");
        // Spot billed per hour: every replica life is a whole number of hours.
        double spotReplicaHours = pool("spot").gpuHours() / 4;
        assertClose(Math.rint(spotReplicaHours), spotReplicaHours, "whole spot hours");
        // On-demand billed per minute: whole replica-minutes.
        double burstReplicaMinutes = pool("burst").gpuHours() / 4 * 60;
        assertEquals(Math.rint(burstReplicaMinutes), burstReplicaMinutes, 1e-6, "whole burst minutes");
    }

    @Test
    void inputAndOutputMoneyAddUpToEverythingButFixedCosts() {
        CostBreakdown c = run.cost();
        assertClose(run.costUsd() - c.fixedUsd(), c.inputUsd() + c.outputUsd(), "input + output");
        assertTrue(c.inputUsd() > 0 && c.outputUsd() > 0);
        // API money splits exactly by token kind.
        PoolResult api = pool("api");
        assertClose(api.costUsd(), api.costByStateUsd().get("api_input") + api.costByStateUsd().get("api_cached_input")
                + api.costByStateUsd().get("api_output"), "api by kind");
        // GPU money follows each pool's prefill share of compute time.
        double input = api.costByStateUsd().get("api_input") + api.costByStateUsd().get("api_cached_input");
        for (PoolResult p : run.pools()) {
            if (p.kind() != PoolKind.API && !Double.isNaN(p.prefillShare())) {
                input += p.costUsd() * p.prefillShare();
            }
        }
        assertClose(input, c.inputUsd(), "input money");
    }

    @Test
    void breakEvenFromTheRunsOwnNumbers() {
        BreakEven b = run.cost().breakEven();
        assertNotNull(b);
        double months = 3600 / EconomicsSpec.MONTH_SECONDS;
        double committed = pool("reserved").costUsd() + pool("standby").costUsd() + run.cost().fixedUsd();
        double variable = pool("burst").costUsd() + pool("spot").costUsd() + pool("api").costUsd();
        assertClose(committed / months, b.fixedMonthlyUsd(), "fixed monthly: reserved pools + fixed costs");
        assertClose(variable / (run.tokens().useful() / 1e6), b.variableUsdPerMtok(), "variable per useful Mtok");
        assertClose(0.88, b.apiUsdPerMtok(), "reference");
    }

    @Test
    void idleReservedPoolPaysReplicasTimesGpusTimesHoursTimesPriceTimesOverhead() {
        RunResult r = Simulation.run(ScenarioBuilder.scenario("idle-reserved").horizon("90m")
                .set("economics", "{overhead_multiplier: 1.35}").poisson(1.0e-9)
                .route(Route.named("rare").fixedTokens(100, 100).slo("1s", "100ms"))
                .pool(Pool.reserved("reserved").replicas(3).gpu("H100-SXM-80GB").model("llama-3.1-70b")
                        .set("tensor_parallel", "4").price(2.75))
                .spec());
        assertEquals(0, r.requests().arrived());
        PoolResult p = r.pools().get(0);
        double expected = 3 * 4 * 1.5 * 2.75 * 1.35;
        assertEquals(expected, p.costUsd(), 1e-9);
        assertEquals(expected, r.costUsd(), 1e-9);
        assertEquals(expected, p.costByStateUsd().get("idle"), 1e-9);
        for (var e : p.costByStateUsd().entrySet()) {
            if (!e.getKey().equals("idle")) {
                assertEquals(0, e.getValue(), 1e-12, e.getKey());
            }
        }
        assertEquals(12, p.gpus());
        assertEquals(18, p.gpuHours(), 1e-12);
        assertEquals(0, p.utilization());
        assertTrue(Double.isNaN(p.costPerUsefulMtokUsd()), "no useful tokens, no price per token");
        assertEquals(expected, r.routes().get(0).costUsd(), 1e-9, "the idle pool is its route's");
        assertEquals(expected, r.routes().get(0).costUsd() + r.unattributedCostUsd(), 1e-9);
    }
}
