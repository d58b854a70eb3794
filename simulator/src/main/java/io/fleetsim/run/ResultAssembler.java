package io.fleetsim.run;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.cost.BreakEven;
import io.fleetsim.cost.CostBreakdown;
import io.fleetsim.cost.CostModel;
import io.fleetsim.cost.RouteCostAttribution;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.fleet.Pool;
import io.fleetsim.fleet.PoolLedger;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RouteStats;
import io.fleetsim.metrics.TenantCounts;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.scenario.EconomicsSpec;
import io.fleetsim.scenario.PoolKind;
import io.fleetsim.scenario.PoolSpec;
import io.fleetsim.scenario.RouteSpec;
import io.fleetsim.scenario.ScenarioSpec;
import io.fleetsim.scenario.ServerSpec;
import io.fleetsim.scenario.TenantSpec;
import io.fleetsim.serving.StepTimeModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the metrics and ledgers of a finished run into a {@link RunResult}; never drives the run. */
final class ResultAssembler {

    private ResultAssembler() {
    }

    static RunResult assemble(ScenarioSpec scenario, Fleet fleet, MetricsCollector metrics, TimeSeries series,
                              long events) {
        double horizon = scenario.horizonSeconds();
        EconomicsSpec economics = scenario.economics();
        List<RouteSpec> routeSpecs = scenario.workload().routes();
        int poolCount = scenario.pools().size();

        double[] poolUsd = new double[poolCount];
        long[][] tokensServed = new long[poolCount][routeSpecs.size()];
        List<PoolResult> pools = new ArrayList<>();
        Map<String, Double> byState = new TreeMap<>();
        double inputUsd = 0;
        double outputUsd = 0;
        double reservedUsd = 0;
        double variableUsd = 0;
        for (int p = 0; p < poolCount; p++) {
            Pool pool = fleet.pools().get(p);
            PoolSpec spec = pool.spec();
            Map<String, Double> poolStates = poolCostByState(pool, metrics, economics.overheadMultiplier(), horizon);
            double usd = poolStates.values().stream().mapToDouble(Double::doubleValue).sum();
            poolStates.forEach((k, v) -> byState.merge(k, v, Double::sum));
            poolUsd[p] = usd;
            double prefillShare = metrics.prefillShare(p);
            double inputPart = spec.kind() == PoolKind.API
                    ? poolStates.get("api_input") + poolStates.get("api_cached_input")
                    : usd * (Double.isNaN(prefillShare) ? 0 : prefillShare);
            inputUsd += inputPart;
            outputUsd += usd - inputPart;
            if (spec.kind() == PoolKind.RESERVED) {
                reservedUsd += usd;
            } else {
                variableUsd += usd;
            }
            for (int r = 0; r < routeSpecs.size(); r++) {
                tokensServed[p][r] = metrics.tokensServed(p, r);
            }
            long useful = metrics.usefulServed(p);
            PoolLedger ledger = pool.ledger();
            pools.add(new PoolResult(spec.name(), spec.kind().id(), spec.replicas(), spec.gpus(),
                    ledger.paidSeconds() * spec.server().gpusPerReplica() / 3600, spec.usdPerGpuHour(),
                    pool.utilization(horizon), usd, useful, CostModel.perMillionTokens(usd, useful), poolStates,
                    spec.priceSource(), metrics.routedTo(p), metrics.overflowTo(p), ledger.replicasStarted(),
                    pool.peakActiveReplicas(), ledger.interruptions(), ledger.failedScaleUps(), prefillShare,
                    pool.batchOccupancy(horizon), spec.server() instanceof ServerSpec.Llm llm
                            ? StepTimeModels.of(llm).provenance() : null,
                    spec.server() instanceof ServerSpec.Llm llm
                            ? PerformanceProfiles.builtIn().endToEndUsedBy(llm).orElse(null) : null));
        }
        // Fixed costs are those of running self-hosted serving: a fleet of API pools alone has none.
        boolean selfHosted = scenario.pools().stream().anyMatch(p -> p.kind() != PoolKind.API);
        double fixedUsd = selfHosted ? economics.fixedMonthlyUsd() * horizon / EconomicsSpec.MONTH_SECONDS : 0;
        byState.put("fixed", fixedUsd);
        double totalUsd = byState.values().stream().mapToDouble(Double::doubleValue).sum();

        int[] poolOfRoute = routeSpecs.stream().mapToInt(RouteSpec::poolIndex).toArray();
        double[] routeUsd = RouteCostAttribution.attribute(poolUsd, tokensServed, poolOfRoute);
        spreadFixedCost(routeUsd, fixedUsd, tokensServed);
        List<RouteResult> routes = new ArrayList<>();
        for (int r = 0; r < routeSpecs.size(); r++) {
            RouteStats stats = metrics.route(r);
            TokenCounts tokens = stats.tokenCounts();
            routes.add(new RouteResult(routeSpecs.get(r).name(), stats.requestCounts(), tokens, stats.latencies(),
                    stats.prefixCacheHitRate(), stats.preemptions(), routeUsd[r],
                    CostModel.perMillionTokens(routeUsd[r], tokens.useful()), stats.sloCheck()));
        }

        RouteStats total = metrics.fleetTotals();
        TokenCounts tokens = total.tokenCounts();
        CostBreakdown cost = new CostBreakdown(totalUsd, byState, fixedUsd, economics.overheadMultiplier(),
                byState.get("idle"), inputUsd, outputUsd,
                breakEven(economics, reservedUsd + fixedUsd, variableUsd, tokens.useful(), horizon));
        return new RunResult(scenario.name(), scenario.seed(), horizon, total.requestCounts(), tokens,
                total.latencies(), metrics.interTokenLatency(), total.prefixCacheHitRate(), total.preemptions(),
                totalUsd, routeUsd[routeSpecs.size()], CostModel.perMillionTokens(totalUsd, tokens.useful()),
                metrics.meanInSystem(horizon), pools, routes, series, events, cost,
                tenants(scenario, metrics, totalUsd, horizon), scenario.workload().arrivals().describe(),
                metrics.arrivedTokens()[0] + metrics.arrivedTokens()[1]);
    }

    /** The total cost split among tenants by the tokens of their completed requests. */
    private static List<TenantResult> tenants(ScenarioSpec scenario, MetricsCollector metrics, double totalUsd,
                                              double horizon) {
        List<TenantSpec> specs = scenario.workload().tenants();
        int n = Math.max(1, specs.size());
        long served = 0;
        for (int t = 0; t < n; t++) {
            served += metrics.tenant(t).servedTokens();
        }
        List<TenantResult> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            TenantCounts c = metrics.tenant(t);
            double usd = served == 0 ? totalUsd / n : totalUsd * c.servedTokens() / served;
            String name = specs.isEmpty() ? "all" : specs.get(t).name();
            double budget = specs.isEmpty() ? 0 : specs.get(t).monthlyBudgetUsd();
            out.add(new TenantResult(name, c, usd, CostModel.perMillionTokens(usd, c.usefulTokens()), budget,
                    usd * EconomicsSpec.MONTH_SECONDS / horizon));
        }
        return out;
    }

    /** A pool's money by state: GPU time split into cold start, busy, idle, draining, rounding; API by token kind. */
    private static Map<String, Double> poolCostByState(Pool pool, MetricsCollector metrics, double overhead,
                                                       double horizon) {
        PoolSpec spec = pool.spec();
        Map<String, Double> states = CostModel.zeroByState();
        if (spec.server() instanceof ServerSpec.Api api) {
            states.putAll(CostModel.apiCostByKind(api.api(), metrics.apiTokens(pool.index())));
            return states;
        }
        PoolLedger ledger = pool.ledger();
        double draining = ledger.drainingSeconds();
        double busy = Math.max(0, Math.min(ledger.servingSeconds(), pool.busySeconds(horizon) - draining));
        double idle = ledger.servingSeconds() - busy;
        states.putAll(CostModel.gpuCostByState(ledger.coldStartSeconds(), busy, idle, draining,
                ledger.roundingSeconds(), spec.server().gpusPerReplica(), spec.usdPerGpuHour(), overhead));
        return states;
    }

    /** Fixed costs follow the tokens each route was served; with no tokens they stay unattributed. */
    private static void spreadFixedCost(double[] routeUsd, double fixedUsd, long[][] tokensServed) {
        int routes = routeUsd.length - 1;
        long all = 0;
        long[] perRoute = new long[routes];
        for (long[] pool : tokensServed) {
            for (int r = 0; r < routes; r++) {
                perRoute[r] += pool[r];
                all += pool[r];
            }
        }
        if (all == 0) {
            routeUsd[routes] += fixedUsd;
            return;
        }
        for (int r = 0; r < routes; r++) {
            routeUsd[r] += fixedUsd * perRoute[r] / all;
        }
    }

    private static BreakEven breakEven(EconomicsSpec economics, double fixedUsd, double variableUsd,
                                       long usefulTokens, double horizon) {
        if (economics.apiReferenceUsdPerMtok() <= 0) {
            return null;
        }
        double months = horizon / EconomicsSpec.MONTH_SECONDS;
        double variablePerMtok = usefulTokens == 0 ? 0 : variableUsd / (usefulTokens / 1e6);
        return BreakEven.of(economics.apiReferenceUsdPerMtok(), fixedUsd / months, variablePerMtok);
    }
}
