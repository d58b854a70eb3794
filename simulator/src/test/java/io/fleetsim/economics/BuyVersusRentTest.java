package io.fleetsim.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.cost.CommitmentCost;
import io.fleetsim.cost.GpuPowerTable;
import io.fleetsim.cost.OwnedPoolCost;
import io.fleetsim.cost.PoolEnergy;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.CommitmentSpec;
import io.fleetsim.spec.OwnershipSpec;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Owned and rented capacity against hand-computed money: a known purchase amortised, energy =
 * power x time x PUE, a commitment's obligation; money conserves across pools, states and
 * components; bad values are refused naming their field.
 */
class BuyVersusRentTest {

    private static final OwnershipSpec H100_NODE = new OwnershipSpec(325_000, 8, 5, 10.2, 1.54, 0.0977, 194.95,
            5_416.67, "test");

    @Test
    void aKnownPurchaseIsAmortisedStraightLine() {
        // 16 GPUs = 2 servers; one hour of a 5-year (43,800 h) life: 650,000 / 43,800.
        OwnedPoolCost c = OwnedPoolCost.of(H100_NODE, 16, 10, 3600);
        assertEquals(2, c.servers());
        assertEquals(650_000.0 / 43_800, c.capexAmortisedUsd(), 1e-9);
        assertEquals(14.8402, c.capexAmortisedUsd(), 1e-4);
        assertEquals(10 * 0.0977, c.energyUsd(), 1e-12);
        assertEquals(2 * 10.2 * 194.95 / 720, c.colocationUsd(), 1e-9);
        assertEquals(5_416.67 / 720, c.staffUsd(), 1e-9);
        assertEquals(c.totalUsd(), c.byComponent().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        // 17 GPUs need a third server.
        assertEquals(3, OwnedPoolCost.of(H100_NODE, 17, 0, 3600).servers());
    }

    @Test
    void energyIsPowerTimesTimeTimesPue() {
        // 4 GPUs, half an hour busy at 500 W, half an hour idle at 100 W, PUE 1.5:
        // 4 x (1800 x 500 + 1800 x 100) x 1.5 J = 6.48 MJ = 1.8 kWh.
        PoolEnergy e = PoolEnergy.of(4, 1800, 3600, 500, 100, 1.5, "test");
        assertEquals(1.8, e.kwh(), 1e-12);
        assertEquals(6.48e6, e.joules(), 1e-6);
    }

    @Test
    void aCommitmentObligesTheWholeTerm() {
        // 16 GPUs x $3.99 x 8,760 h x 3 years, 40 % up front, the rest over 36 months.
        CommitmentCost c = CommitmentCost.of(new CommitmentSpec(3, 0.4), 16, 3.99, 1);
        assertEquals(16 * 3.99 * 8760 * 3, c.termUsd(), 1e-6);
        assertEquals(0.4 * c.termUsd(), c.upfrontUsd(), 1e-6);
        assertEquals(0.6 * c.termUsd() / 36, c.monthlyUsd(), 1e-6);
    }

    @Test
    void powerIsFittedAgainstTheLogOfTheBatch() throws Exception {
        // Rows exactly on watts = 300 + 50 ln(batch) give back that line.
        StringBuilder csv = new StringBuilder("gpu,model_id,task,num_gpus,max_num_seqs,avg_batch_size,watts_per_gpu\n");
        for (double b : new double[] {2, 8, 32, 128}) {
            csv.append("H100,m,t,1,").append((int) b).append(',').append(b).append(',')
                    .append(300 + 50 * Math.log(b)).append('\n');
        }
        Method fit = GpuPowerTable.class.getDeclaredMethod("fit", java.io.InputStream.class);
        fit.setAccessible(true);
        GpuPowerTable t = (GpuPowerTable) fit.invoke(null,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        GpuPowerTable.GpuPower h100 = t.find("H100-SXM-80GB");
        assertEquals(300, h100.intercept(), 1e-6);
        assertEquals(50, h100.slope(), 1e-6);
        assertEquals(300 + 50 * Math.log(64), h100.busyWatts(64), 1e-6);
        assertNull(t.find("A100-SXM-80GB"), "no measured runs, no power");
        // The shipped measurements: busy power grows with the batch and stays below the 700 W TDP.
        GpuPowerTable.GpuPower measured = GpuPowerTable.builtIn().find("H100-SXM-80GB");
        assertNotNull(measured);
        assertEquals(405, measured.runs());
        assertTrue(measured.slope() > 0 && measured.busyWatts(256) < 700, measured.toString());
    }

    private static final String SCENARIO = """
            name: t
            seed: 3
            horizon: 10m
            economics: {fixed_monthly_usd: 7200}
            workload:
              arrivals: {process: poisson, rate_per_s: 4}
              routes:
                - name: a
                  share: 0.5
                  prompt_tokens: {dist: fixed, tokens: 300}
                  output_tokens: {dist: fixed, tokens: 100}
                  slo: {ttft: 2s, tpot: 100ms}
                  pool: rented
                - name: b
                  share: 0.5
                  prompt_tokens: {dist: fixed, tokens: 300}
                  output_tokens: {dist: fixed, tokens: 100}
                  slo: {ttft: 2s, tpot: 100ms}
                  pool: owned
            pools:
              - name: rented
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 3.99
                commitment: {years: 1, upfront_share: 0.5}
              - name: owned
                kind: reserved
                replicas: 2
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                purchase:
                  usd_per_server: 325000
                  gpus_per_server: 8
                  amortisation_years: 5
                  server_kw: 10.2
                  pue: 1.54
                  usd_per_kwh: 0.0977
                  colocation_usd_per_kw_month: 194.95
                  staff_usd_per_month: 5416.67
            """;

    private static RunResult run(String yaml) {
        return Simulation.run(new ScenarioLoader().bind(SpecDocument.parse(yaml, "t.yaml", false)));
    }

    private static double sum(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void moneyConservesAcrossPoolsStatesAndComponents() {
        RunResult r = run(SCENARIO);
        double total = r.costUsd();
        double pools = r.pools().stream().mapToDouble(PoolResult::costUsd).sum();
        // 10 minutes of $7,200 a month (30 days).
        assertEquals(7200.0 * 600 / (30 * 86400), r.cost().fixedUsd(), 1e-9);
        assertEquals(total, pools + r.cost().fixedUsd(), 1e-9);
        assertEquals(total, sum(r.cost().byStateUsd()), 1e-9);
        assertEquals(total, sum(r.cost().byComponentUsd()), 1e-9);
        assertEquals(total, r.routes().stream().mapToDouble(x -> x.costUsd()).sum() + r.unattributedCostUsd(), 1e-9);
        PoolResult owned = r.pools().get(1);
        PoolResult rented = r.pools().get(0);
        assertEquals(owned.costUsd(), sum(owned.costByStateUsd()), 1e-9);
        assertEquals(owned.costUsd(), sum(owned.costByComponentUsd()), 1e-9);
        // Owned: 2 GPUs on one 8-GPU server for 10 minutes, by hand.
        assertEquals(325_000.0 / 5 / (365 * 86400) * 600, owned.costByComponentUsd().get("capex_amortised"), 1e-9);
        assertEquals(10.2 * 194.95 * 600 / (30 * 86400), owned.costByComponentUsd().get("colocation"), 1e-9);
        assertEquals(owned.energy().kwh() * 0.0977, owned.costByComponentUsd().get("energy"), 1e-12);
        assertEquals(1.54, owned.energy().pue());
        // Its energy lies between all-idle and all-busy draw of its GPUs for the horizon, times PUE.
        double lo = 2 * owned.energy().idleWatts() * 600 * 1.54 / 3.6e6;
        double hi = 2 * owned.energy().busyWatts() * 600 * 1.54 / 3.6e6;
        assertTrue(owned.energy().kwh() >= lo - 1e-12 && owned.energy().kwh() <= hi + 1e-12);
        // Rented: rent only, 1 GPU x $3.99 for 10 minutes; energy reported, not billed; PUE 1.
        assertEquals(3.99 / 6, rented.costByComponentUsd().get("rent"), 1e-9);
        assertEquals(0, rented.costByComponentUsd().get("energy"));
        assertEquals(1, rented.energy().pue());
        assertEquals(r.energyKwh(), owned.energy().kwh() + rented.energy().kwh(), 1e-12);
        assertEquals(r.energyKwh() * 3.6e6 / r.tokens().useful(), r.joulesPerUsefulToken(), 1e-12);
        assertEquals(3.99 * 8760 * 0.5, rented.commitment().upfrontUsd(), 1e-6);
    }

    private static ScenarioException fails(String from, String to) {
        assertTrue(SCENARIO.contains(from), "test bug: " + from);
        return assertThrows(ScenarioException.class, () -> run(SCENARIO.replace(from, to)));
    }

    @Test
    void badValuesAreRefusedNamingTheirField() {
        assertEquals("pools[1].purchase.amortisation_years",
                fails("amortisation_years: 5", "amortisation_years: 0").fieldPath());
        assertEquals("pools[1].purchase.usd_per_kwh", fails("usd_per_kwh: 0.0977", "usd_per_kwh: -0.1").fieldPath());
        assertEquals("pools[1].purchase.usd_per_server",
                fails("usd_per_server: 325000", "usd_per_server: -1").fieldPath());
        assertEquals("pools[1].purchase.pue", fails("pue: 1.54", "pue: 0.9").fieldPath());
        assertEquals("pools[0].commitment.years", fails("years: 1,", "years: 2,").fieldPath());
        assertEquals("pools[0].commitment.upfront_share",
                fails("upfront_share: 0.5", "upfront_share: 1.5").fieldPath());
        ScenarioException acceptance = fails("  pool: owned\n", "  pool: owned\n      quality: {acceptance: 1.5}\n");
        assertEquals("workload.routes[1].quality.acceptance", acceptance.fieldPath());
        int poolLine = SCENARIO.substring(0, SCENARIO.indexOf("pool: owned")).split("\n", -1).length;
        assertEquals(poolLine + 1, acceptance.line(), "the line after 'pool: owned'");
        assertEquals("t.yaml", acceptance.file());
        assertEquals("workload.routes[1].quality.acceptance.nope", fails("  pool: owned\n",
                "  pool: owned\n      quality: {acceptance: {nope: 0.5}}\n").fieldPath());
        assertEquals("workload.routes[1].disconnect.share", fails("  pool: owned\n",
                "  pool: owned\n      disconnect: {share: -1, after_tokens: {dist: fixed, tokens: 3}}\n").fieldPath());
        assertEquals("pools[1].usd_per_gpu_hour", fails("    purchase:\n",
                "    usd_per_gpu_hour: 1\n    purchase:\n").fieldPath());
    }
}
