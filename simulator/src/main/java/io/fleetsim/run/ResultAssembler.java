package io.fleetsim.run;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.cost.BreakEven;
import io.fleetsim.cost.CommitmentCost;
import io.fleetsim.cost.GpuPowerTable;
import io.fleetsim.cost.OwnedPoolCost;
import io.fleetsim.cost.PoolEnergy;
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
import io.fleetsim.serving.StepTimeProvenance;
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
        double energyKwh = 0;
        Map<String, Double> byComponent = CostBreakdown.zeroByComponent();
        for (int p = 0; p < poolCount; p++) {
            Pool pool = fleet.pools().get(p);
            PoolSpec spec = pool.spec();
            PoolEnergy energy = energy(pool, horizon);
            energyKwh += energy == null ? 0 : energy.kwh();
            OwnedPoolCost owned = spec.owned()
                    ? OwnedPoolCost.of(spec.ownership(), spec.gpus(), energy == null ? 0 : energy.kwh(), horizon)
                    : null;
            Map<String, Double> poolStates = owned != null ? ownedCostByState(pool, owned, energy, horizon)
                    : poolCostByState(pool, metrics, economics.overheadMultiplier(), horizon);
            double usd = poolStates.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> components = CostBreakdown.zeroByComponent();
            if (owned != null) {
                components.putAll(owned.byComponent());
            } else if (spec.kind() == PoolKind.API) {
                components.put("api", usd);
            } else {
                components.put("rent", usd);
            }
            components.forEach((k, v) -> byComponent.merge(k, v, Double::sum));
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
                    pool.batchOccupancy(horizon), stepTimes(spec.server()), modelOf(spec),
                    metrics.usefulOutputServed(p), energy, components, owned,
                    spec.commitment() == null ? null : CommitmentCost.of(spec.commitment(), spec.gpus(),
                            spec.usdPerGpuHour(), economics.overheadMultiplier()),
                    ledger.failures(), ledger.downSeconds() / 3600, disaggregation(pool, metrics, horizon),
                    spec.server() instanceof ServerSpec.Llm llm
                            ? PerformanceProfiles.builtIn().endToEndUsedBy(llm).orElse(null) : null));
        }
        // Fixed costs are those of running self-hosted serving: a fleet of API pools alone has none.
        boolean selfHosted = scenario.pools().stream().anyMatch(p -> p.kind() != PoolKind.API);
        double fixedUsd = selfHosted ? economics.fixedMonthlyUsd() * horizon / EconomicsSpec.MONTH_SECONDS : 0;
        byState.put("fixed", fixedUsd);
        byComponent.merge("fixed", fixedUsd, Double::sum);
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
                    CostModel.perMillionTokens(routeUsd[r], tokens.useful()), stats.sloCheck(),
                    stats.rejectedAnswers(), stats.disconnected(), metrics.receivedBeforeDisconnect(r)));
        }

        RouteStats total = metrics.fleetTotals();
        TokenCounts tokens = total.tokenCounts();
        CostBreakdown cost = new CostBreakdown(totalUsd, byState, fixedUsd, economics.overheadMultiplier(),
                byState.get("idle"), inputUsd, outputUsd,
                breakEven(economics, reservedUsd + fixedUsd, variableUsd, tokens.useful(), horizon), byComponent);
        return new RunResult(scenario.name(), scenario.seed(), horizon, total.requestCounts(), tokens,
                total.latencies(), metrics.interTokenLatency(), total.prefixCacheHitRate(), total.preemptions(),
                totalUsd, routeUsd[routeSpecs.size()], CostModel.perMillionTokens(totalUsd, tokens.useful()),
                metrics.meanInSystem(horizon), pools, routes, series, events, cost,
                tenants(scenario, metrics, totalUsd, horizon), scenario.workload().arrivals().describe(),
                metrics.arrivedTokens()[0] + metrics.arrivedTokens()[1], energyKwh);
    }

    private static String modelOf(PoolSpec spec) {
        return spec.server() instanceof ServerSpec.Llm llm ? llm.memory().model().name() : spec.name();
    }

    /**
     * Energy a GPU pool drew (null for API pools and GPUs without measured power): busy at the
     * measured power of its mean batch while busy, idle at the lightest measured load; PUE only for
     * owned pools (a rented GPU's facility overhead is the provider's, inside the rent).
     */
    private static PoolEnergy energy(Pool pool, double horizon) {
        PoolSpec spec = pool.spec();
        if (!(spec.server() instanceof ServerSpec.Llm llm)) {
            return null;
        }
        GpuPowerTable.GpuPower power = GpuPowerTable.builtIn().find(llm.memory().gpu().name());
        if (power == null) {
            return null;
        }
        PoolLedger ledger = pool.ledger();
        double paid = ledger.coldStartSeconds() + ledger.servingSeconds() + ledger.drainingSeconds();
        double busy = Math.min(paid, pool.busySeconds(horizon));
        double utilization = pool.utilization(horizon);
        double meanBatch = utilization > 0 ? pool.batchOccupancy(horizon) * llm.batching().maxNumSeqs() / utilization
                : 1;
        double pue = spec.owned() ? spec.ownership().pue() : 1;
        return PoolEnergy.of(spec.server().gpusPerReplica(), busy, paid, power.busyWatts(meanBatch),
                power.idleWatts(), pue, power.source());
    }

    /**
     * An owned pool's money by state: capex, colocation and staff follow paid time (as a reserved
     * pool's rent does), energy follows the power drawn in each state.
     */
    private static Map<String, Double> ownedCostByState(Pool pool, OwnedPoolCost owned, PoolEnergy energy,
                                                        double horizon) {
        Map<String, Double> time = poolCostByState(pool, null, 1, horizon, 1);
        double paid = time.values().stream().mapToDouble(Double::doubleValue).sum();
        double byTime = owned.capexAmortisedUsd() + owned.colocationUsd() + owned.staffUsd();
        Map<String, Double> out = CostModel.zeroByState();
        if (paid <= 0) {
            out.put("idle", byTime + owned.energyUsd());
            return out;
        }
        double busyEnergy = 0;
        if (energy != null && energy.kwh() > 0) {
            double busyJ = time.get("busy") * energy.busyWatts();
            double idleJ = (paid - time.get("busy")) * energy.idleWatts();
            busyEnergy = owned.energyUsd() * busyJ / (busyJ + idleJ);
        }
        double otherEnergy = owned.energyUsd() - busyEnergy;
        double idleTime = paid - time.get("busy");
        for (Map.Entry<String, Double> e : time.entrySet()) {
            double share = e.getValue() / paid;
            double energyUsd = e.getKey().equals("busy") ? busyEnergy
                    : idleTime > 0 ? otherEnergy * e.getValue() / idleTime : 0;
            out.put(e.getKey(), byTime * share + energyUsd);
        }
        return out;
    }

    private static StepTimeProvenance stepTimes(ServerSpec server) {
        if (server instanceof ServerSpec.Llm llm) {
            return StepTimeModels.of(llm).provenance();
        }
        return server instanceof ServerSpec.Disaggregated d ? StepTimeModels.of(d.prefill()).provenance() : null;
    }

    private static DisaggregationResult disaggregation(Pool pool, MetricsCollector metrics, double horizon) {
        if (!(pool.spec().server() instanceof ServerSpec.Disaggregated d)) {
            return null;
        }
        int p = pool.index();
        return new DisaggregationResult(d.prefillWorkers(), d.prefill().gpusPerReplica(), d.decodeWorkers(),
                d.decode().gpusPerReplica(), d.link().kind(), d.link().bytesPerSecondPerGpu() * 8 / 1e9,
                d.link().latencySeconds() * 1e6, d.link().source(), pool.disaggregatedUse(horizon),
                metrics.kvTransfers(p), metrics.kvTransferBytes(p), metrics.kvTransferTimes(p), d.handoff());
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
        return poolCostByState(pool, metrics, overhead, horizon, pool.spec().usdPerGpuHour());
    }

    private static Map<String, Double> poolCostByState(Pool pool, MetricsCollector metrics, double overhead,
                                                       double horizon, double usdPerGpuHour) {
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
                ledger.roundingSeconds(), spec.server().gpusPerReplica(), usdPerGpuHour, overhead));
        // A reserved replica under repair after a failure is still paid, serving nothing.
        states.put("down", ledger.paidDownSeconds() * spec.server().gpusPerReplica() * usdPerGpuHour * overhead / 3600);
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
