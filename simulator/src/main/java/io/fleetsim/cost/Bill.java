package io.fleetsim.cost;

import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.TenantCounts;
import io.fleetsim.spec.EconomicsSpec;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.TenantSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every money figure of a run, computed once from its metrics and each pool's usage: each pool's
 * bill by {@link CostState} and by component, energy, input and output money, fixed costs, the
 * routes' and tenants' shares, the break-even volume, and the cost rate the time series samples.
 * Conservation holds by construction: the states add to the total, the pools plus the fixed costs
 * add to the total, the routes plus the unattributed remainder add to the total, and so do the
 * tenants.
 */
public final class Bill {

    /**
     * One pool's bill.
     *
     * @param usd                  money paid (overhead multiplier included)
     * @param byStateUsd           by {@link CostState} id; sums to {@code usd}
     * @param byComponentUsd       by component (rent, api, capex_amortised, energy, colocation, fixed)
     * @param inputUsd             of {@code usd}, money attributed to prompts
     * @param energy               energy drawn, or null (API pools; GPUs without measured power)
     * @param owned                the components of an owned pool, or null for rented capacity
     * @param commitment           a reserved pool's obligation over its term, or null
     * @param costPerUsefulMtokUsd {@code usd} per million useful tokens it completed (NaN when none)
     * @param paidGpuHours         GPU-hours paid: every paid replica-second times the GPUs of a replica
     * @param headroom             the share of {@code usd} and {@code paidGpuHours} its N+k spare
     *                             replicas bear, or null when the pool has no headroom policy
     */
    public record PoolBill(double usd, Map<String, Double> byStateUsd, Map<String, Double> byComponentUsd,
                           double inputUsd, PoolEnergy energy, OwnedPoolCost owned, CommitmentCost commitment,
                           double costPerUsefulMtokUsd, double paidGpuHours, HeadroomCost headroom) {

        public PoolBill {
            byStateUsd = Map.copyOf(byStateUsd);
            byComponentUsd = Map.copyOf(byComponentUsd);
        }
    }

    /**
     * A share of the bill charged to a route or a tenant.
     *
     * @param usd                  money charged
     * @param costPerUsefulMtokUsd per million of its useful tokens (NaN when none)
     */
    public record Share(double usd, double costPerUsefulMtokUsd) {
    }

    private final List<PoolBill> pools;
    private final List<Share> routes;
    private final double unattributedUsd;
    private final List<Share> tenants;
    private final CostBreakdown breakdown;
    private final double costPerUsefulMtokUsd;
    private final double energyKwh;
    private final double horizon;

    private Bill(List<PoolBill> pools, List<Share> routes, double unattributedUsd, List<Share> tenants,
                 CostBreakdown breakdown, double costPerUsefulMtokUsd, double energyKwh, double horizon) {
        this.horizon = horizon;
        this.pools = List.copyOf(pools);
        this.routes = List.copyOf(routes);
        this.unattributedUsd = unattributedUsd;
        this.tenants = List.copyOf(tenants);
        this.breakdown = breakdown;
        this.costPerUsefulMtokUsd = costPerUsefulMtokUsd;
        this.energyKwh = energyKwh;
    }

    /**
     * The bill of a finished run of {@code scenario}.
     *
     * @param usage   each pool's usage, in the scenario's pool order
     * @param metrics what the run measured
     */
    public static Bill of(ScenarioSpec scenario, List<PoolUsage> usage, MetricsCollector metrics) {
        double horizon = scenario.horizonSeconds();
        EconomicsSpec economics = scenario.economics();
        List<RouteSpec> routeSpecs = scenario.workload().routes();
        int poolCount = scenario.pools().size();

        double[] poolUsd = new double[poolCount];
        long[][] tokensServed = new long[poolCount][routeSpecs.size()];
        List<PoolBill> pools = new ArrayList<>();
        Map<String, Double> byState = new TreeMap<>();
        double inputUsd = 0;
        double outputUsd = 0;
        double reservedUsd = 0;
        double variableUsd = 0;
        double energyKwh = 0;
        Map<String, Double> byComponent = CostBreakdown.zeroByComponent();
        for (int p = 0; p < poolCount; p++) {
            PoolSpec spec = scenario.pools().get(p);
            PoolUsage use = usage.get(p);
            PoolEnergy energy = energy(spec, use);
            energyKwh += energy == null ? 0 : energy.kwh();
            OwnedPoolCost owned = spec.owned()
                    ? OwnedPoolCost.of(spec.ownership(), spec.gpus(), energy == null ? 0 : energy.kwh(), horizon)
                    : null;
            Map<String, Double> poolStates = owned != null ? ownedCostByState(spec, use, owned, energy)
                    : poolCostByState(spec, use, metrics.apiTokens(p), economics.overheadMultiplier(),
                            spec.usdPerGpuHour());
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
                    ? poolStates.get(CostState.API_INPUT.id()) + poolStates.get(CostState.API_CACHED_INPUT.id())
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
            double paidGpuHours = use.paidSeconds() * spec.server().gpusPerReplica() / 3600;
            pools.add(new PoolBill(usd, poolStates, components, inputPart, energy, owned,
                    spec.commitment() == null ? null : CommitmentCost.of(spec.commitment(), spec.gpus(),
                            spec.usdPerGpuHour(), economics.overheadMultiplier()),
                    CostModel.perMillionTokens(usd, metrics.usefulServed(p)), paidGpuHours,
                    HeadroomCost.of(spec.disruptions().headroom(), paidGpuHours, usd)));
        }
        // Fixed costs are those of running self-hosted serving: a fleet of API pools alone has none.
        boolean selfHosted = scenario.pools().stream().anyMatch(p -> p.kind() != PoolKind.API);
        double fixedUsd = selfHosted ? economics.fixedMonthlyUsd() * horizon / EconomicsSpec.MONTH_SECONDS : 0;
        byState.put(CostState.FIXED.id(), fixedUsd);
        byComponent.merge("fixed", fixedUsd, Double::sum);
        double totalUsd = byState.values().stream().mapToDouble(Double::doubleValue).sum();

        int[] poolOfRoute = routeSpecs.stream().mapToInt(RouteSpec::poolIndex).toArray();
        double[] routeUsd = RouteCostAttribution.attribute(poolUsd, tokensServed, poolOfRoute);
        spreadFixedCost(routeUsd, fixedUsd, tokensServed);
        List<Share> routes = new ArrayList<>();
        for (int r = 0; r < routeSpecs.size(); r++) {
            routes.add(new Share(routeUsd[r],
                    CostModel.perMillionTokens(routeUsd[r], metrics.route(r).tokenCounts().useful())));
        }
        long useful = metrics.fleetTotals().tokenCounts().useful();
        CostBreakdown breakdown = new CostBreakdown(totalUsd, byState, fixedUsd, economics.overheadMultiplier(),
                byState.get(CostState.IDLE.id()), inputUsd, outputUsd,
                breakEven(economics, reservedUsd + fixedUsd, variableUsd, useful, horizon), byComponent);
        return new Bill(pools, routes, routeUsd[routeSpecs.size()], tenants(scenario, metrics, totalUsd), breakdown,
                CostModel.perMillionTokens(totalUsd, useful), energyKwh, horizon);
    }

    /**
     * The rate at which a rented GPU pool is paying at an instant, dollars per hour: its paid
     * replicas (serving, starting or draining) times their GPUs, the price and the overhead.
     */
    public static double usdPerHour(PoolSpec spec, int paidReplicas, double overhead) {
        return paidReplicas * spec.server().gpusPerReplica() * spec.usdPerGpuHour() * overhead;
    }

    /** Each pool's bill, in the scenario's pool order. */
    public List<PoolBill> pools() {
        return pools;
    }

    /** Each route's share (pool bills by tokens served, fixed costs by tokens), in route order. */
    public List<Share> routes() {
        return routes;
    }

    /** Money no route could be charged with (pools with no route, fixed costs with no token served). */
    public double unattributedUsd() {
        return unattributedUsd;
    }

    /** Each tenant's share of the total by the tokens of its completed requests (one when none is named). */
    public List<Share> tenants() {
        return tenants;
    }

    /** Where the money went, fleet-wide. */
    public CostBreakdown breakdown() {
        return breakdown;
    }

    /** Everything paid over the horizon. */
    public double totalUsd() {
        return breakdown.totalUsd();
    }

    /** The total per million useful tokens (NaN when none). */
    public double costPerUsefulMtokUsd() {
        return costPerUsefulMtokUsd;
    }

    /** {@code usd} spent over the horizon, scaled to a 30-day month. */
    public double projectedMonthlyUsd(double usd) {
        return usd * EconomicsSpec.MONTH_SECONDS / horizon;
    }

    /** Energy the GPU pools with measured power drew, kWh. */
    public double energyKwh() {
        return energyKwh;
    }

    /**
     * Energy a GPU pool drew (null for API pools and GPUs without measured power): busy at the
     * measured power of its mean batch while busy, idle at the lightest measured load; PUE only for
     * owned pools (a rented GPU's facility overhead is the provider's, inside the rent).
     */
    private static PoolEnergy energy(PoolSpec spec, PoolUsage use) {
        if (!(spec.server() instanceof ServerSpec.Llm llm)) {
            return null;
        }
        GpuPowerTable.GpuPower power = GpuPowerTable.builtIn().find(llm.memory().gpu().name());
        if (power == null) {
            return null;
        }
        double paid = use.coldStartSeconds() + use.servingSeconds() + use.drainingSeconds();
        double busy = Math.min(paid, use.busySeconds());
        double utilization = use.utilization();
        double meanBatch = utilization > 0 ? use.batchOccupancy() * llm.batching().maxNumSeqs() / utilization : 1;
        double pue = spec.owned() ? spec.ownership().pue() : 1;
        return PoolEnergy.of(spec.server().gpusPerReplica(), busy, paid, power.busyWatts(meanBatch),
                power.idleWatts(), pue, power.source());
    }

    /**
     * An owned pool's money by state: capex, colocation and staff follow paid time (as a reserved
     * pool's rent does), energy follows the power drawn in each state.
     */
    private static Map<String, Double> ownedCostByState(PoolSpec spec, PoolUsage use, OwnedPoolCost owned,
                                                        PoolEnergy energy) {
        Map<String, Double> time = poolCostByState(spec, use, null, 1, 1);
        double paid = time.values().stream().mapToDouble(Double::doubleValue).sum();
        double byTime = owned.capexAmortisedUsd() + owned.colocationUsd() + owned.staffUsd();
        Map<String, Double> out = CostState.zeroForPool();
        String busyId = CostState.BUSY.id();
        if (paid <= 0) {
            out.put(CostState.IDLE.id(), byTime + owned.energyUsd());
            return out;
        }
        double busyEnergy = 0;
        if (energy != null && energy.kwh() > 0) {
            double busyJ = time.get(busyId) * energy.busyWatts();
            double idleJ = (paid - time.get(busyId)) * energy.idleWatts();
            busyEnergy = owned.energyUsd() * busyJ / (busyJ + idleJ);
        }
        double otherEnergy = owned.energyUsd() - busyEnergy;
        double idleTime = paid - time.get(busyId);
        for (Map.Entry<String, Double> e : time.entrySet()) {
            double share = e.getValue() / paid;
            double energyUsd = e.getKey().equals(busyId) ? busyEnergy
                    : idleTime > 0 ? otherEnergy * e.getValue() / idleTime : 0;
            out.put(e.getKey(), byTime * share + energyUsd);
        }
        return out;
    }

    /**
     * A pool's money by state: GPU time split into cold start, busy, idle, draining, rounding and
     * paid down time; API by token kind from {@code apiTokens} {input, cached input, output}.
     */
    private static Map<String, Double> poolCostByState(PoolSpec spec, PoolUsage use, long[] apiTokens,
                                                       double overhead, double usdPerGpuHour) {
        Map<String, Double> states = CostState.zeroForPool();
        if (spec.server() instanceof ServerSpec.Api api) {
            states.putAll(CostModel.apiCostByKind(api.api(), apiTokens));
            return states;
        }
        double draining = use.drainingSeconds();
        double busy = Math.max(0, Math.min(use.servingSeconds(), use.busySeconds() - draining));
        double idle = use.servingSeconds() - busy;
        states.putAll(CostModel.gpuCostByState(use.coldStartSeconds(), busy, idle, draining,
                use.roundingSeconds(), spec.server().gpusPerReplica(), usdPerGpuHour, overhead));
        // A reserved replica under repair after a failure is still paid, serving nothing.
        states.put(CostState.DOWN.id(),
                use.paidDownSeconds() * spec.server().gpusPerReplica() * usdPerGpuHour * overhead / 3600);
        return states;
    }

    /** The total split among tenants by the tokens of their completed requests. */
    private static List<Share> tenants(ScenarioSpec scenario, MetricsCollector metrics, double totalUsd) {
        List<TenantSpec> specs = scenario.workload().tenants();
        int n = Math.max(1, specs.size());
        long served = 0;
        for (int t = 0; t < n; t++) {
            served += metrics.tenant(t).servedTokens();
        }
        List<Share> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            TenantCounts c = metrics.tenant(t);
            double usd = served == 0 ? totalUsd / n : totalUsd * c.servedTokens() / served;
            out.add(new Share(usd, CostModel.perMillionTokens(usd, c.usefulTokens())));
        }
        return out;
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
