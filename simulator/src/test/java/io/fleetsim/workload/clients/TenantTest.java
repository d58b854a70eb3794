package io.fleetsim.workload.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.metrics.TenantCounts;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.run.TenantResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tenants: each request belongs to one, drawn by share; the whole bill is split among them by the
 * tokens of their completed requests and projected to a 30-day month.
 */
class TenantTest {

    private static final double MONTH_SECONDS = 30 * 86400.0;

    /** 20 requests/s for 10 minutes on 30 textbook servers, with a fixed monthly cost on top. */
    private static final String SCENARIO = """
            name: tenants
            seed: 21
            horizon: 10m
            economics: {fixed_monthly_usd: 1000}
            workload:
              arrivals: {process: poisson, rate_per_s: 20}
              tenants:
                - {name: acme, share: 7, monthly_budget_usd: 20000}
                - {name: globex, share: 2}
                - {name: initech, share: 1}
              routes:
                - name: chat
                  share: 0.5
                  prompt_tokens: {dist: uniform, min: 100, max: 900}
                  output_tokens: {dist: uniform, min: 10, max: 300}
                  slo: {ttft: 2s, tpot: 1h}
                - name: batch
                  share: 0.5
                  prompt_tokens: {dist: fixed, tokens: 2000}
                  output_tokens: {dist: fixed, tokens: 50}
                  slo: {ttft: 1h, tpot: 1h}
            pools:
              - name: servers
                kind: reserved
                replicas: 30
                usd_per_gpu_hour: 2.5
                service_time: {dist: exponential, mean: 1s}
            """;

    @Test
    void sharesAreRespectedAndTheBillIsSplitByServedTokens() {
        RunResult r = Simulation.run(ClientWorld.scenario(SCENARIO));
        List<TenantResult> tenants = r.tenants();
        assertEquals(List.of("acme", "globex", "initech"), tenants.stream().map(TenantResult::name).toList());
        long n = r.requests().arrived();
        assertTrue(n > 10_000, n + " requests");
        double[] shares = {0.7, 0.2, 0.1}; // the weights 7, 2, 1 normalized
        long arrived = 0;
        long completed = 0;
        long withinSlo = 0;
        long useful = 0;
        long served = 0;
        double usd = 0;
        for (int t = 0; t < 3; t++) {
            TenantCounts c = tenants.get(t).counts();
            double sd = Math.sqrt(n * shares[t] * (1 - shares[t]));
            assertEquals(shares[t] * n, c.arrived(), 4 * sd, tenants.get(t).name() + " arrivals");
            arrived += c.arrived();
            completed += c.completed();
            withinSlo += c.withinSlo();
            useful += c.usefulTokens();
            served += c.servedTokens();
            usd += tenants.get(t).costUsd();
        }
        assertEquals(n, arrived);
        assertEquals(r.requests().completed(), completed);
        assertEquals(r.requests().withinSlo(), withinSlo);
        assertEquals(r.tokens().useful(), useful);
        assertEquals(r.tokens().input() + r.tokens().output(), served);
        assertTrue(r.tokens().useful() < served, "some chat requests miss their TTFT target");
        // The bill: 30 servers x 1/6 h x $2.5 + $1000 x 10 min / 30 days.
        double expectedTotal = 30 * (600 / 3600.0) * 2.5 + 1000 * 600 / MONTH_SECONDS;
        assertEquals(expectedTotal, r.costUsd(), 1e-9);
        assertEquals(r.costUsd(), usd, 1e-9 * r.costUsd(), "tenant costs sum to the total");
        for (TenantResult t : tenants) {
            assertEquals(r.costUsd() * t.counts().servedTokens() / served, t.costUsd(), 1e-9);
            assertEquals(t.costUsd() * MONTH_SECONDS / 600, t.projectedMonthlyUsd(), 1e-9 * t.projectedMonthlyUsd(),
                    "projected to 30 days: x 4320");
            assertEquals(t.costUsd() / (t.counts().usefulTokens() / 1e6), t.costPerUsefulMtokUsd(), 1e-9);
        }
        assertEquals(20000, tenants.get(0).monthlyBudgetUsd());
        assertEquals(0, tenants.get(1).monthlyBudgetUsd());
    }

    @Test
    void withoutTenantsOneAnonymousTenantPaysEverything() {
        String yaml = SCENARIO.replaceAll("(?s)  tenants:.*?  routes:", "  routes:");
        RunResult r = Simulation.run(ClientWorld.scenario(yaml));
        assertEquals(1, r.tenants().size());
        TenantResult all = r.tenants().get(0);
        assertEquals("all", all.name());
        assertEquals(r.requests().arrived(), all.counts().arrived());
        assertEquals(r.costUsd(), all.costUsd(), 1e-9);
        assertEquals(r.costUsd() * 4320, all.projectedMonthlyUsd(), 1e-6);
    }

    @Test
    void eachTenantsSharesHoldOnEveryRoute() {
        // The tenant is drawn independently of the route: each route's requests split 7 : 2 : 1 too.
        ClientWorld w = ClientWorld.withTraffic(SCENARIO, 600);
        w.runUntil(600);
        for (int route = 0; route < 2; route++) {
            int rr = route;
            long n = w.sent.stream().filter(q -> q.route() == rr).count();
            long acme = w.sent.stream().filter(q -> q.route() == rr && q.tenant() == 0).count();
            assertEquals(0.7 * n, acme, 4 * Math.sqrt(n * 0.21), "route " + route);
        }
    }
}
