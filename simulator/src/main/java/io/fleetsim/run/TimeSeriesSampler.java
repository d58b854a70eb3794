package io.fleetsim.run;

import io.fleetsim.cost.Bill;
import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.fleet.Pool;
import io.fleetsim.fleet.ReplicaState;
import io.fleetsim.metrics.KvCacheUtilization;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RunningTotals;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.spec.ServerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the fleet at a fixed interval (a minute, or finer for runs under two hours) into a
 * {@link TimeSeries}: arrivals (with their prompt and output tokens), completions and SLO
 * attainment in the interval, and at its end the queue, the replicas, the cost rate and (for
 * pools of LLM servers) the KV-cache utilisation of each pool. It only reads state.
 */
final class TimeSeriesSampler implements EventHandler {

    /** Sampling runs after every other event of the same instant. */
    private static final int SAMPLE_PRIORITY = 1000;

    private final Simulator sim;
    private final int handlerId;
    private final Fleet fleet;
    private final MetricsCollector metrics;
    private final double interval;
    private final double horizon;
    private final List<String> columns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private RunningTotals last = new RunningTotals(0, 0, 0, 0);
    private final long[] lastOverflow;
    private final double overhead;
    private long[] lastArrivedTokens = {0, 0};

    TimeSeriesSampler(Simulator sim, Fleet fleet, MetricsCollector metrics, double horizon, double overhead) {
        this.sim = sim;
        this.lastOverflow = new long[fleet.pools().size()];
        this.overhead = overhead;
        this.fleet = fleet;
        this.metrics = metrics;
        this.horizon = horizon;
        this.interval = intervalFor(horizon);
        columns.addAll(List.of("t_start_s", "arrivals", "arrived_prompt_tokens", "arrived_output_tokens",
                "completions", "within_slo", "rejected", "slo_attainment",
                "in_system", "queued", "cost_rate_usd_per_h", KvCacheUtilization.COLUMN));
        for (Pool p : fleet.pools()) {
            String n = p.spec().name();
            columns.addAll(List.of(n + ".replicas", n + ".cold_start", n + ".draining", n + ".busy_replicas",
                    n + ".in_service", n + ".queued", n + ".overflow_in"));
            if (hasKvCache(p)) {
                columns.add(KvCacheUtilization.column(n));
            }
        }
        this.handlerId = sim.register(this);
        sim.schedule(Math.min(interval, horizon), SAMPLE_PRIORITY, handlerId, 0);
    }

    /** True for a pool whose servers hold a KV cache (LLM servers, disaggregated or not). */
    static boolean hasKvCache(Pool p) {
        return p.spec().server() instanceof ServerSpec.Llm || p.spec().server() instanceof ServerSpec.Disaggregated;
    }

    /** One minute, or 1/120 of the horizon (at least a second) for runs under two hours. */
    static double intervalFor(double horizon) {
        return horizon >= 7200 ? 60 : Math.max(1, horizon / 120);
    }

    @Override
    public void handle(long payload) {
        double now = sim.now();
        RunningTotals totals = metrics.totals();
        double[] row = new double[columns.size()];
        int c = 0;
        row[c++] = rows.size() * interval;
        row[c++] = totals.arrived() - last.arrived();
        long[] arrivedTokens = metrics.arrivedTokens();
        row[c++] = arrivedTokens[0] - lastArrivedTokens[0];
        row[c++] = arrivedTokens[1] - lastArrivedTokens[1];
        long completions = totals.completed() - last.completed();
        long within = totals.withinSlo() - last.withinSlo();
        long rejected = totals.rejected() - last.rejected();
        row[c++] = completions;
        row[c++] = within;
        row[c++] = rejected;
        row[c++] = completions + rejected == 0 ? Double.NaN : (double) within / (completions + rejected);
        row[c++] = metrics.inSystemNow();
        int queuedIndex = c++;
        int costIndex = c++;
        int kvIndex = c++;
        double queued = 0;
        double costRate = 0;
        double kvSum = 0;
        int kvReplicas = 0;
        for (Pool p : fleet.pools()) {
            int paid = p.replicas() + p.replicasIn(ReplicaState.COLD_START) + p.replicasIn(ReplicaState.DRAINING);
            row[c++] = p.replicas();
            row[c++] = p.replicasIn(ReplicaState.COLD_START);
            row[c++] = p.replicasIn(ReplicaState.DRAINING);
            row[c++] = p.busyReplicas();
            row[c++] = p.inService();
            row[c++] = p.queued();
            long overflow = metrics.overflowTo(p.index());
            row[c++] = overflow - lastOverflow[p.index()];
            lastOverflow[p.index()] = overflow;
            if (hasKvCache(p)) {
                // the mean over serving replicas, undefined (NaN) while none serves
                int serving = p.replicasIn(ReplicaState.SERVING);
                double kv = p.kvUtilization();
                row[c++] = serving == 0 ? Double.NaN : kv;
                kvSum += kv * serving;
                kvReplicas += serving;
            }
            queued += p.queued();
            costRate += Bill.usdPerHour(p.spec(), paid, overhead);
        }
        row[queuedIndex] = queued;
        row[costIndex] = costRate;
        // fleet-wide: every serving replica with a KV cache weighs the same
        row[kvIndex] = kvReplicas == 0 ? Double.NaN : kvSum / kvReplicas;
        rows.add(row);
        last = totals;
        lastArrivedTokens = arrivedTokens;
        double next = now + interval;
        if (next <= horizon + 1e-9) {
            sim.schedule(Math.min(next, horizon), SAMPLE_PRIORITY, handlerId, 0);
        }
    }

    TimeSeries series() {
        return new TimeSeries(interval, columns, rows);
    }
}
