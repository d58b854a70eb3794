package io.fleetsim.run;

import io.fleetsim.cost.CostModel;
import io.fleetsim.cost.PoolBill;
import io.fleetsim.cost.RouteCostAttribution;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.fleet.Pool;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RouteStats;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.scenario.PoolSpec;
import io.fleetsim.scenario.RouteSpec;
import io.fleetsim.scenario.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/** Reads the metrics and bills of a finished run into a {@link RunResult}; never drives the run. */
final class ResultAssembler {

    private ResultAssembler() {
    }

    static RunResult assemble(ScenarioSpec scenario, Fleet fleet, MetricsCollector metrics, TimeSeries series,
                              long events) {
        double horizon = scenario.horizonSeconds();
        List<RouteSpec> routeSpecs = scenario.workload().routes();
        int poolCount = scenario.pools().size();

        double[] poolUsd = new double[poolCount];
        long[][] tokensServed = new long[poolCount][routeSpecs.size()];
        List<PoolResult> pools = new ArrayList<>();
        double totalUsd = 0;
        for (int p = 0; p < poolCount; p++) {
            Pool pool = fleet.pools().get(p);
            PoolSpec spec = pool.spec();
            PoolBill bill = CostModel.bill(spec, horizon);
            poolUsd[p] = bill.usd();
            totalUsd += bill.usd();
            for (int r = 0; r < routeSpecs.size(); r++) {
                tokensServed[p][r] = metrics.tokensServed(p, r);
            }
            long useful = metrics.usefulServed(p);
            pools.add(new PoolResult(spec.name(), spec.kind().id(), spec.replicas(), spec.gpus(), bill.gpuHours(),
                    spec.usdPerGpuHour(), pool.utilization(horizon), bill.usd(), useful,
                    CostModel.perMillionTokens(bill.usd(), useful)));
        }

        int[] poolOfRoute = routeSpecs.stream().mapToInt(RouteSpec::poolIndex).toArray();
        double[] routeUsd = RouteCostAttribution.attribute(poolUsd, tokensServed, poolOfRoute);
        List<RouteResult> routes = new ArrayList<>();
        for (int r = 0; r < routeSpecs.size(); r++) {
            RouteStats stats = metrics.route(r);
            TokenCounts tokens = stats.tokenCounts();
            routes.add(new RouteResult(routeSpecs.get(r).name(), stats.requestCounts(), tokens, stats.latencies(),
                    stats.prefixCacheHitRate(), stats.preemptions(), routeUsd[r], CostModel.perMillionTokens(routeUsd[r], tokens.useful())));
        }

        RouteStats total = metrics.fleetTotals();
        TokenCounts tokens = total.tokenCounts();
        return new RunResult(scenario.name(), scenario.seed(), horizon, total.requestCounts(), tokens,
                total.latencies(), metrics.interTokenLatency(), total.prefixCacheHitRate(), total.preemptions(),
                totalUsd, routeUsd[routeSpecs.size()],
                CostModel.perMillionTokens(totalUsd, tokens.useful()), metrics.meanInSystem(horizon), pools, routes,
                series, events);
    }
}
