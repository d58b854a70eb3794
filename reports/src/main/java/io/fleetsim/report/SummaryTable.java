package io.fleetsim.report;

import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import java.util.Locale;
import java.util.Map;

/** The short summary {@code fleetsim run} prints to the terminal, at most 100 columns wide. */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** Renders the summary of {@code run}. */
    public static String render(RunResult run) {
        StringBuilder out = new StringBuilder();
        RequestCounts req = run.requests();
        line(out, "Scenario %s  (seed %d, %s simulated)", run.scenario(), run.seed(), hours(run.simulatedSeconds()));
        line(out, "Requests  arrived %,d  completed %,d  rejected %,d  in flight at end %,d",
                req.arrived(), req.completed(), req.rejected(), req.inFlightAtEnd());
        line(out, "SLO attainment %s   cost $%,.2f   cost per useful 1M tokens %s",
                percent(run.sloAttainment()), run.costUsd(), dollars(run.costPerUsefulMtokUsd()));
        line(out, "Tokens  input %,d  output %,d  useful %,d  wasted %s", run.tokens().input(),
                run.tokens().output(), run.tokens().useful(), wasted(run.tokens().wasted()));
        out.append('\n');
        line(out, "%-16s %9s %9s %9s %9s %9s %9s %8s", "latency (ms)", "ttft p50", "ttft p95", "ttft p99",
                "tpot p50", "tpot p99", "e2e p99", "in SLO");
        latencyRow(out, "all routes", run.latency().ttft(), run.latency().tpot(), run.latency().e2e(),
                run.sloAttainment());
        for (RouteResult r : run.routes()) {
            latencyRow(out, r.name(), r.latency().ttft(), r.latency().tpot(), r.latency().e2e(),
                    r.requests().sloAttainment());
        }
        out.append('\n');
        line(out, "%-16s %-9s %8s %6s %10s %11s %12s %12s", "pool", "kind", "replicas", "gpus", "gpu-hours",
                "utilization", "cost $", "$/useful 1M");
        for (PoolResult p : run.pools()) {
            line(out, "%-16s %-9s %8d %6d %10.1f %11s %,12.2f %12s", trim(p.name()), p.kind(), p.replicas(), p.gpus(),
                    p.gpuHours(), percent(p.utilization()), p.costUsd(), dollars(p.costPerUsefulMtokUsd()));
        }
        return out.toString();
    }

    private static void latencyRow(StringBuilder out, String name, LatencySummary ttft, LatencySummary tpot,
                                   LatencySummary e2e, double slo) {
        line(out, "%-16s %9.1f %9.1f %9.1f %9.1f %9.1f %9.0f %8s", trim(name), ttft.p50Ms(), ttft.p95Ms(), ttft.p99Ms(),
                tpot.p50Ms(), tpot.p99Ms(), e2e.p99Ms(), percent(slo));
    }

    private static String wasted(Map<String, Long> wasted) {
        StringBuilder sb = new StringBuilder();
        wasted.keySet().stream().sorted().forEach(k -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(k).append(' ').append(String.format(Locale.ROOT, "%,d", wasted.get(k))));
        return sb.length() == 0 ? "0" : sb.toString();
    }

    private static String trim(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + "~";
    }

    private static String hours(double seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%.1f h", seconds / 3600)
                : String.format(Locale.ROOT, "%.0f s", seconds);
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.2f%%", share * 100) : "n/a";
    }

    private static String dollars(double usd) {
        return Double.isFinite(usd) ? String.format(Locale.ROOT, "$%.4f", usd) : "n/a";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
