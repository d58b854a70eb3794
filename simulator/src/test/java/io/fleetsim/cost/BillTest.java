package io.fleetsim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.workload.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bill of a hand-fed run, every figure worked out by hand: a reserved pool of one 2-GPU
 * replica at $4/GPU-hour with overhead x1.5 ($12 a replica-hour), a hosted API at $1, $0.50 and
 * $2 per million input, cached input and output tokens, and $7,200 a month of fixed costs ($10
 * over the hour simulated). No simulation runs: the metrics and the usage are given.
 */
class BillTest {

    private static final double EPS = 1e-9;

    private static final String YAML = """
            name: bill
            seed: 1
            horizon: 1h
            economics: {overhead_multiplier: 1.5, fixed_monthly_usd: 7200, api_reference_usd_per_mtok: 1000}
            workload:
              arrivals: {process: poisson, rate_per_s: 1}
              routes:
                - {name: a, share: 0.5, prompt_tokens: {dist: fixed, tokens: 600},
                   output_tokens: {dist: fixed, tokens: 400}, slo: {ttft: 1s, tpot: 1s}, pool: gpu}
                - {name: b, share: 0.5, prompt_tokens: {dist: fixed, tokens: 2000},
                   output_tokens: {dist: fixed, tokens: 1000}, slo: {ttft: 1s, tpot: 1s}, pool: api}
            pools:
              - name: gpu
                kind: reserved
                replicas: 1
                gpus_per_replica: 2
                usd_per_gpu_hour: 4
                service_time: {dist: fixed, value: 1s}
              - name: api
                kind: api
                api: {usd_per_mtok_input: 1, usd_per_mtok_cached_input: 0.5, usd_per_mtok_output: 2,
                      ttft: {dist: fixed, value: 100ms}, output_tokens_per_s: 100}
            """;

    private static ScenarioSpec scenario() {
        return new ScenarioLoader().bind(SpecDocument.parse(YAML, "bill.yaml", false));
    }

    /** One replica serving the whole hour, busy a quarter of it (900 s). */
    private static final List<PoolUsage> USAGE = List.of(new PoolUsage(0, 3600, 0, 0, 0, 900, 0.25, 0.1),
            new PoolUsage(0, 0, 0, 0, 0, 0, 0, 0));

    /** One request per route completed within its SLO; a quarter of the GPU's compute on prompts. */
    private static MetricsCollector servedMetrics(ScenarioSpec s) {
        MetricsCollector m = new MetricsCollector(s.workload().routes(), s.pools().size());
        Request a = new Request(0, 0, 0, 600, 400);
        Request b = new Request(1, 1, 0, 2000, 1000);
        m.arrived(a);
        m.arrived(b);
        m.completed(a, 0, 0, 0.1, 0.5);
        m.completed(b, 1, 0, 0.1, 0.5);
        m.computeTime(0, 1.0, 3.0);
        m.apiUsage(b, 1, 1_000_000, 200_000, 500_000);
        return m;
    }

    @Test
    void everyFigureIsTheHandWorkedOne() {
        Bill bill = Bill.of(scenario(), USAGE, servedMetrics(scenario()));
        Bill.PoolBill gpu = bill.pools().get(0);
        // 900 s busy and 2,700 s idle at $12 an hour
        assertEquals(3.0, gpu.byStateUsd().get("busy"), EPS);
        assertEquals(9.0, gpu.byStateUsd().get("idle"), EPS);
        assertEquals(12.0, gpu.usd(), EPS);
        assertEquals(12.0, gpu.byComponentUsd().get("rent"), EPS);
        assertEquals(3.0, gpu.inputUsd(), EPS, "a quarter of compute on prompts");
        assertEquals(12.0 / 1000 * 1e6, gpu.costPerUsefulMtokUsd(), 1e-6);
        assertNull(gpu.energy(), "an abstract server has no measured power");
        Bill.PoolBill api = bill.pools().get(1);
        assertEquals(1.0, api.byStateUsd().get("api_input"), EPS);
        assertEquals(0.1, api.byStateUsd().get("api_cached_input"), EPS);
        assertEquals(1.0, api.byStateUsd().get("api_output"), EPS);
        assertEquals(2.1, api.byComponentUsd().get("api"), EPS);
        assertEquals(1.1, api.inputUsd(), EPS);

        CostBreakdown cost = bill.breakdown();
        assertEquals(10.0, cost.fixedUsd(), EPS, "$7,200 a month for one hour of 720");
        assertEquals(24.1, bill.totalUsd(), EPS);
        assertEquals(9.0, cost.idleUsd(), EPS);
        assertEquals(4.1, cost.inputUsd(), EPS);
        assertEquals(10.0, cost.outputUsd(), EPS, "the fixed costs are neither input nor output");
        assertEquals(24.1 / 4000 * 1e6, bill.costPerUsefulMtokUsd(), 1e-6);

        // routes: each pool's bill to its route, the fixed $10 by tokens served (1,000 : 3,000)
        assertEquals(12.0 + 2.5, bill.routes().get(0).usd(), EPS);
        assertEquals(2.1 + 7.5, bill.routes().get(1).usd(), EPS);
        assertEquals(0, bill.unattributedUsd(), EPS);
        assertEquals(24.1, bill.tenants().get(0).usd(), EPS, "one anonymous tenant pays everything");
        assertEquals(24.1 * 720, bill.projectedMonthlyUsd(24.1), 1e-6);

        // break-even: reserved $12 + fixed $10 an hour is $15,840 a month; variable $2.1 over 4,000 tokens
        BreakEven be = cost.breakEven();
        assertEquals(15_840, be.fixedMonthlyUsd(), 1e-6);
        assertEquals(2.1 / 0.004, be.variableUsdPerMtok(), 1e-6);
        assertEquals(15_840 / (1000 - 525.0), be.monthlyMtok(), 1e-6);
    }

    @Test
    void componentsAddUpToTheTotalsEveryWay() {
        Bill bill = Bill.of(scenario(), USAGE, servedMetrics(scenario()));
        double pools = bill.pools().stream().mapToDouble(Bill.PoolBill::usd).sum();
        assertEquals(bill.totalUsd(), pools + bill.breakdown().fixedUsd(), EPS, "pools + fixed");
        assertEquals(bill.totalUsd(), sum(bill.breakdown().byStateUsd()), EPS, "by state");
        assertEquals(bill.totalUsd(), sum(bill.breakdown().byComponentUsd()), EPS, "by component");
        double routes = bill.routes().stream().mapToDouble(Bill.Share::usd).sum();
        assertEquals(bill.totalUsd(), routes + bill.unattributedUsd(), EPS, "routes + unattributed");
        assertEquals(bill.totalUsd(), bill.breakdown().inputUsd() + bill.breakdown().outputUsd()
                + bill.breakdown().fixedUsd(), EPS, "input + output + fixed");
        for (Bill.PoolBill p : bill.pools()) {
            assertEquals(p.usd(), sum(p.byStateUsd()), EPS, "pool by state");
            assertEquals(p.usd(), sum(p.byComponentUsd()), EPS, "pool by component");
        }
        for (CostState s : CostState.values()) {
            assertTrue(bill.breakdown().byStateUsd().containsKey(s.id()), s.id());
        }
    }

    @Test
    void withNothingServedAPoolGoesToItsRouteAndFixedCostsStayUnattributed() {
        ScenarioSpec s = scenario();
        Bill bill = Bill.of(s, USAGE, new MetricsCollector(s.workload().routes(), s.pools().size()));
        assertEquals(12.0, bill.routes().get(0).usd(), EPS);
        assertEquals(0, bill.routes().get(1).usd(), EPS);
        assertEquals(10.0, bill.unattributedUsd(), EPS);
        assertTrue(Double.isNaN(bill.costPerUsefulMtokUsd()), "no useful token");
        assertEquals(22.0, bill.tenants().get(0).usd(), EPS);
    }

    @Test
    void theSpareReplicasOfANPlusKPoolBearTheirShareOfWhatItPaid() {
        ScenarioSpec s = new ScenarioLoader().bind(SpecDocument.parse(YAML.replace(
                "usd_per_gpu_hour: 4\n", "usd_per_gpu_hour: 4\n    headroom: {spare_replicas: 1}\n"), "n1.yaml", false));
        // N+1 on one needed replica: two replicas paid for the hour, counted in every paid state
        List<PoolUsage> usage = List.of(new PoolUsage(60, 7000, 20, 100, 20, 900, 0.125, 0.1),
                new PoolUsage(0, 0, 0, 0, 0, 0, 0, 0));
        Bill.PoolBill gpu = Bill.of(s, usage, servedMetrics(s)).pools().get(0);
        assertEquals(7200, usage.get(0).paidSeconds(), EPS);
        assertEquals(4.0, gpu.paidGpuHours(), EPS, "7,200 replica-seconds of 2 GPUs");
        assertEquals(24.0, gpu.usd(), EPS, "two replica-hours at $12");
        HeadroomCost h = gpu.headroom();
        assertEquals("N+1", h.policy());
        assertEquals(1, h.neededReplicas());
        assertEquals(1, h.spareReplicas());
        assertEquals(2.0, h.spareGpuHours(), EPS, "half of the GPU-hours");
        assertEquals(12.0, h.costUsd(), EPS, "half of the money");
        assertNull(Bill.of(scenario(), USAGE, servedMetrics(scenario())).pools().get(0).headroom(), "no policy");
    }

    @Test
    void theTimeSeriesCostRateIsPaidReplicasTimesGpusPriceAndOverhead() {
        assertEquals(3 * 2 * 4 * 1.5, Bill.usdPerHour(scenario().pools().get(0), 3, 1.5), EPS);
    }

    private static double sum(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
