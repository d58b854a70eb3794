package io.fleetsim.report;

import io.fleetsim.cost.BreakEven;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import java.util.Locale;

/**
 * The summary {@code fleetsim run} prints to the terminal and writes to {@code summary.txt}: the
 * headline figures, then the {@link RunTables} as aligned text, at most 100 columns wide.
 */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** Renders the summary of {@code run}. */
    public static String render(RunResult run) {
        StringBuilder out = new StringBuilder();
        RequestCounts req = run.requests();
        TokenCounts tok = run.tokens();
        double seconds = run.simulatedSeconds();
        line(out, "Scenario %s  (seed %d, %s simulated)", run.scenario(), run.seed(), hours(seconds));
        line(out, "Requests    arrived %,d  completed %,d  rejected %,d  in flight at end %,d",
                req.arrived(), req.completed(), req.rejected(), req.inFlightAtEnd());
        line(out, "Throughput  %.2f requests/s  %,.0f output tokens/s  %,.0f useful tokens/s",
                req.completed() / seconds, tok.output() / seconds, tok.useful() / seconds);
        line(out, "Fleet       %s", fleet(run));
        line(out, "SLO attainment %s   cost $%,.2f   cost per useful 1M tokens %s",
                ValueFormat.SHARE.display(run.sloAttainment()), run.costUsd(),
                "$" + ValueFormat.USD_PER_MTOK.display(run.costPerUsefulMtokUsd()));
        MonthlyView month = MonthlyView.of(run);
        line(out, "Monthly     $%,.2f projected to 30 days   $%.6f per request   $%.4f per 1K requests",
                month.projected30DaysUsd(), month.perRequestUsd(), month.per1kRequestsUsd());
        if (run.cost().breakEven() != null) {
            line(out, "Break-even  %s", breakEven(run.cost().breakEven()));
        }
        WasteBreakdown waste = WasteBreakdown.of(tok);
        line(out, "Tokens      input %,d  output %,d  useful %,d  wasted %,d", tok.input(), tok.output(),
                tok.useful(), waste.total());
        out.append('\n').append(TextTableRenderer.render(RunTables.routeLatency(run)));
        out.append('\n').append(TextTableRenderer.render(RunTables.routeCost(run)));
        out.append('\n').append(TextTableRenderer.render(RunTables.routeTokens(run)));
        out.append('\n').append(TextTableRenderer.render(RunTables.pools(run)));
        Table disaggregated = RunTables.disaggregatedPools(run);
        if (!disaggregated.rows().isEmpty()) {
            out.append('\n').append(TextTableRenderer.render(disaggregated));
        }
        Table transfers = RunTables.kvTransfers(run);
        if (!transfers.rows().isEmpty()) {
            out.append('\n').append(TextTableRenderer.render(transfers));
        }
        out.append('\n').append(TextTableRenderer.render(RunTables.kvCache(run)));
        Table tenants = RunTables.tenants(run);
        if (!tenants.rows().isEmpty()) {
            out.append('\n').append(TextTableRenderer.render(tenants));
        }
        out.append('\n').append(TextTableRenderer.render(RunTables.waste(run)));
        EconomicsText.append(out, run);
        for (Table t : new Table[] {DisruptionTables.events(run), DisruptionTables.headroom(run)}) {
            if (!t.rows().isEmpty()) {
                out.append('\n').append(TextTableRenderer.render(t));
            }
        }
        out.append("\nLatencies in ms. idle $: paid for replicas with nothing in service.\n");
        for (PoolResult p : run.pools()) {
            if (p.stepTimes() != null) {
                line(out, "Step times of %s (%s):", p.name(), p.stepTimes().fit().id());
                line(out, "  %s", p.stepTimes().profile());
                EndToEndBand.describe(p.endToEnd()).forEach(l -> line(out, "  %s", l));
            }
        }
        return out.toString();
    }

    private static String fleet(RunResult run) {
        // an API pool's one "replica" is the provider, not a server of the fleet
        int replicas = run.pools().stream().filter(p -> !RunTables.isApi(p)).mapToInt(PoolResult::replicas).sum();
        int gpus = run.pools().stream().mapToInt(PoolResult::gpus).sum();
        double gpuHours = run.pools().stream().mapToDouble(PoolResult::gpuHours).sum();
        return String.format(Locale.ROOT, "%d pool(s), %,d replicas, %,d GPUs, %,.1f GPU-hours", run.pools().size(),
                replicas, gpus, gpuHours);
    }

    /** One sentence on the monthly volume above which self-hosting beats the API reference price. */
    static String breakEven(BreakEven b) {
        String api = "$" + ValueFormat.USD_PER_MTOK.display(b.apiUsdPerMtok()) + " per 1M tokens";
        return Double.isFinite(b.monthlyMtok())
                ? String.format(Locale.ROOT, "self-hosting beats the API at %s above %,.1fM tokens a month", api,
                b.monthlyMtok())
                : "the API at " + api + " is cheaper than self-hosting at any volume";
    }

    private static String hours(double seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%.1f h", seconds / 3600)
                : String.format(Locale.ROOT, "%.0f s", seconds);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
