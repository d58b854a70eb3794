package io.fleetsim.run;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.cost.Bill;
import io.fleetsim.cost.PoolUsage;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.fleet.Pool;
import io.fleetsim.fleet.PoolLedger;
import io.fleetsim.metrics.KvTimeShare;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RouteStats;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.serving.StepTimeProvenance;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.TenantSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a finished run's {@link RunResult} from its metrics, its pools' usage and its
 * {@link Bill}; computes no money of its own and never drives the run.
 */
final class ResultAssembler {

    private ResultAssembler() {
    }

    static RunResult assemble(ScenarioSpec scenario, Fleet fleet, MetricsCollector metrics, TimeSeries series,
                              long events) {
        double horizon = scenario.horizonSeconds();
        List<RouteSpec> routeSpecs = scenario.workload().routes();
        List<PoolUsage> usage = fleet.pools().stream().map(p -> usage(p, horizon)).toList();
        Bill bill = Bill.of(scenario, usage, metrics);
        List<PoolResult> pools = new ArrayList<>();
        for (int p = 0; p < scenario.pools().size(); p++) {
            Pool pool = fleet.pools().get(p);
            PoolSpec spec = pool.spec();
            PoolUsage use = usage.get(p);
            Bill.PoolBill money = bill.pools().get(p);
            PoolLedger ledger = pool.ledger();
            pools.add(new PoolResult(spec.name(), spec.kind(), spec.replicas(), spec.gpus(),
                    money.paidGpuHours(), spec.usdPerGpuHour(),
                    use.utilization(), money.usd(), metrics.usefulServed(p), money.costPerUsefulMtokUsd(),
                    money.byStateUsd(), spec.priceSource(), metrics.routedTo(p), metrics.overflowTo(p),
                    ledger.replicasStarted(), pool.peakActiveReplicas(), ledger.interruptions(),
                    ledger.failedScaleUps(), metrics.prefillShare(p), use.batchOccupancy(), stepTimes(spec.server()),
                    modelOf(spec), metrics.usefulOutputServed(p), money.energy(), money.byComponentUsd(),
                    money.owned(), money.commitment(), ledger.failures(), ledger.downSeconds() / 3600,
                    disaggregation(pool, metrics, horizon),
                    spec.server().frontEnd().flatMap(PerformanceProfiles.builtIn()::endToEndUsedBy).orElse(null),
                    money.headroom(),
                    metrics.preemptions(p),
                    TimeSeriesSampler.hasKvCache(pool)
                            ? new KvTimeShare(pool.kvShareSeconds(horizon), pool.servingReplicaSeconds(horizon)) : null));
        }

        List<RouteResult> routes = new ArrayList<>();
        for (int r = 0; r < routeSpecs.size(); r++) {
            RouteStats stats = metrics.route(r);
            Bill.Share share = bill.routes().get(r);
            routes.add(new RouteResult(routeSpecs.get(r).name(), stats.requestCounts(), stats.tokenCounts(),
                    stats.latencies(), stats.prefixCacheHitRate(), stats.preemptions(), share.usd(),
                    share.costPerUsefulMtokUsd(), stats.sloCheck(), stats.rejectedAnswers(), stats.disconnected(),
                    metrics.receivedBeforeDisconnect(r)));
        }

        RouteStats total = metrics.fleetTotals();
        return new RunResult(scenario.name(), scenario.seed(), horizon, total.requestCounts(), total.tokenCounts(),
                total.latencies(), metrics.interTokenLatency(), total.prefixCacheHitRate(), total.preemptions(),
                bill.totalUsd(), bill.unattributedUsd(), bill.costPerUsefulMtokUsd(), metrics.meanInSystem(horizon),
                pools, routes, series, events, bill.breakdown(), tenants(scenario, metrics, bill),
                scenario.workload().arrivals().describe(), metrics.arrivedTokens()[0] + metrics.arrivedTokens()[1],
                bill.energyKwh(), DisruptionResult.of(metrics.disruptions(), horizon));
    }

    /** What a pool used over the run, read once from its ledger and replicas for the bill. */
    private static PoolUsage usage(Pool pool, double horizon) {
        PoolLedger ledger = pool.ledger();
        return new PoolUsage(ledger.coldStartSeconds(), ledger.servingSeconds(), ledger.drainingSeconds(),
                ledger.roundingSeconds(), ledger.paidDownSeconds(), pool.busySeconds(horizon),
                pool.utilization(horizon), pool.batchOccupancy(horizon));
    }

    private static String modelOf(PoolSpec spec) {
        return spec.server() instanceof ServerSpec.Llm llm ? llm.memory().model().name() : spec.name();
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

    /** Each tenant's counts with its share of the bill. */
    private static List<TenantResult> tenants(ScenarioSpec scenario, MetricsCollector metrics, Bill bill) {
        List<TenantSpec> specs = scenario.workload().tenants();
        List<TenantResult> out = new ArrayList<>();
        for (int t = 0; t < bill.tenants().size(); t++) {
            Bill.Share share = bill.tenants().get(t);
            String name = specs.isEmpty() ? "all" : specs.get(t).name();
            double budget = specs.isEmpty() ? 0 : specs.get(t).monthlyBudgetUsd();
            out.add(new TenantResult(name, metrics.tenant(t), share.usd(), share.costPerUsefulMtokUsd(), budget,
                    bill.projectedMonthlyUsd(share.usd())));
        }
        return out;
    }
}
