package io.fleetsim.report;

import io.fleetsim.input.DurationText;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.spec.ApiSpec;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.RejectCause;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code index.html} of a run: headline figures, then traffic against capacity, latency
 * distributions against the SLOs, where the money went, waste, and the queue over time, each
 * chart followed by its table, and the definitions of the figures at the end.
 */
public final class RunHtmlReport {

    /** The ids of the chart images, in page order. */
    public static final List<String> CHART_IDS = List.of("chart-traffic", "chart-ttft-cdf",
            "chart-tpot-cdf", "chart-cost-by-pool", "chart-waste-by-cause", "chart-queue-occupancy",
            "chart-slo-cost-rate", "chart-replicas", "chart-kv-cache");
    /** The id of the KV transfer time chart, on the pages of runs with a disaggregated pool only. */
    public static final String KV_TRANSFER_CHART_ID = "chart-kv-transfer-cdf";

    private static final int FULL_HEIGHT = 380;
    private static final int HALF_HEIGHT = 340;

    private RunHtmlReport() {
    }

    /**
     * Draws every chart of the page, in {@link #CHART_IDS} order, on the common pool and this
     * thread at once: each is drawn alone from the report, so the bytes are the same however
     * they are scheduled, and drawing them is most of writing the page.
     */
    private static List<ChartImage> drawCharts(RunReport report, RunResult run) {
        List<Supplier<ChartImage>> drawings = List.of(
                () -> ChartImage.of(CHART_IDS.get(0), "Traffic over time: arrivals, completions and capacity per "
                        + "second", TimeSeriesCharts.traffic(report), HtmlPage.FULL_WIDTH, HALF_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(1), "TTFT distribution by route with SLO targets",
                        LatencyCharts.ttft(report), HtmlPage.HALF_WIDTH, HALF_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(2), "TPOT distribution by route with SLO targets",
                        LatencyCharts.tpot(report), HtmlPage.HALF_WIDTH, HALF_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(3), "Cost by pool and by what it bought (busy, idle, cold start, "
                        + "API tokens)", BreakdownCharts.costByPool(run), HtmlPage.HALF_WIDTH, HALF_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(4), "Wasted tokens by cause", BreakdownCharts.wasteByCause(run),
                        HtmlPage.HALF_WIDTH, HALF_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(5), "Queued requests and batch occupancy of each GPU pool over time",
                        TimeSeriesCharts.queueAndOccupancy(report), HtmlPage.FULL_WIDTH, FULL_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(6), "SLO attainment per interval and cost rate over time",
                        TimeSeriesCharts.sloAndCostRate(run), HtmlPage.FULL_WIDTH, FULL_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(7), "GPU replicas over time: replicas by pool (stacked) and busy "
                        + "replicas", TimeSeriesCharts.replicas(run), HtmlPage.FULL_WIDTH, HALF_HEIGHT),
                () -> ChartImage.of(CHART_IDS.get(8), "KV-cache utilisation of each LLM pool over time",
                        TimeSeriesCharts.kvCache(run), HtmlPage.FULL_WIDTH, HALF_HEIGHT));
        return drawings.parallelStream().map(Supplier::get).toList();
    }

    /** The page for {@code report}. */
    public static String render(RunReport report) {
        return render(report, true);
    }

    /**
     * The page for {@code report}; without {@code withCharts} only its figures and tables (for
     * scripted runs that never open the page: drawing the charts is most of writing it).
     */
    public static String render(RunReport report, boolean withCharts) {
        RunResult run = report.result();
        HtmlPage page = new HtmlPage("fleetsim report: " + run.scenario());
        page.meta(String.format(Locale.ROOT, "seed %d, %s simulated, %,d events", run.seed(),
                DurationText.format(run.simulatedSeconds()), run.events()));
        page.meta("Traffic: " + report.scenario().workload().arrivals().describe() + "; routes "
                + report.scenario().workload().routes().stream().map(RunHtmlReport::route)
                .collect(Collectors.joining(", ")));
        page.meta("Fleet: " + report.scenario().pools().stream().map(RunHtmlReport::pool)
                .collect(Collectors.joining("; ")));
        int gpus = run.pools().stream().mapToInt(PoolResult::gpus).sum();
        page.cards(ValueFormat.SHARE.display(run.sloAttainment()), "SLO attainment",
                "$" + ValueFormat.USD_PER_MTOK.display(run.costPerUsefulMtokUsd()), "cost per useful 1M tokens",
                "$" + ValueFormat.USD.display(run.costUsd()), "total cost",
                "$" + ValueFormat.USD.display(MonthlyView.of(run).projected30DaysUsd()), "projected to 30 days",
                "$" + ValueFormat.USD_PER_MTOK.display(MonthlyView.of(run).per1kRequestsUsd()), "per 1K requests",
                ValueFormat.DECIMAL.display(run.requests().completed() / run.simulatedSeconds()),
                "requests/s completed",
                ValueFormat.COUNT.display(run.tokens().useful()), "useful tokens",
                ValueFormat.COUNT.display(WasteBreakdown.of(run.tokens()).total()), "wasted tokens",
                ValueFormat.COUNT.display(gpus), "GPUs");

        List<ChartImage> charts = withCharts ? drawCharts(report, run) : List.of();
        page.section("Traffic and capacity");
        if (withCharts) {
            page.charts(charts.get(0));
            if (!report.replicaCapacity().isEmpty()) {
                page.paragraph("Capacity: the replicas up in each interval times what one replica completes per second "
                        + "when offered more than it can serve (" + report.replicaCapacity().entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()) + " requests/s"
                                + capacityRange(run, e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")) + "), measured by pilot runs of one replica on this "
                        + "scenario's request mix. Arrivals above it build a queue."
                        + (report.replicaCapacity().entrySet().stream().anyMatch(e -> !capacityRange(run, e.getKey(),
                        e.getValue()).isEmpty()) ? " A range in brackets is what the capacity would be if it were off "
                        + "as the pool's step-time profile was at the SLO knee on measured deployments left out of "
                        + "its fit (p10-p90)." : ""));
            }
            page.charts(charts.get(7));
        }

        page.section("Latency against the SLOs");
        if (withCharts) {
            page.charts(charts.get(1),
                    charts.get(2));
        }
        page.table(RunTables.routeLatency(run), "table-route-latency");
        page.table(RunTables.routeCost(run), "table-route-cost");
        page.table(RunTables.routeTokens(run), "table-route-tokens");
        for (PoolResult p : run.pools()) {
            if (p.stepTimes() != null) {
                page.paragraph("Step times of " + p.name() + " (" + p.stepTimes().fit().id() + "): "
                        + p.stepTimes().profile() + ". " + String.join("; ", EndToEndBand.describe(p.endToEnd())) + ".");
            }
        }

        page.section("Cost and waste");
        if (withCharts) {
            page.charts(charts.get(3),
                    charts.get(4));
        }
        if (run.cost().breakEven() != null) {
            page.paragraph("Break-even: " + SummaryTable.breakEven(run.cost().breakEven()) + ".");
        }
        page.table(RunTables.pools(run), "table-pools");
        Table api = RunTables.apiPools(report);
        if (!api.rows().isEmpty()) {
            long rateLimited = run.requests().rejectedByCause().getOrDefault(RejectCause.RATE_LIMITED.id(), 0L);
            page.table(api, "table-api-pools");
            page.paragraph(String.format(Locale.ROOT, "Requests rejected by API rate limits (after their retries): %,d.",
                    rateLimited));
        }
        Table disaggregated = RunTables.disaggregatedPools(run);
        if (!disaggregated.rows().isEmpty()) {
            page.table(disaggregated, "table-disaggregated");
        }
        Table transfers = RunTables.kvTransfers(run);
        if (!transfers.rows().isEmpty()) {
            if (withCharts) {
                page.charts(ChartImage.of(KV_TRANSFER_CHART_ID, "KV transfer time distribution by disaggregated pool",
                        LatencyCharts.kvTransfers(run), HtmlPage.HALF_WIDTH, HALF_HEIGHT));
            }
            page.table(transfers, "table-kv-transfers");
        }
        page.table(RunTables.kvCache(run), "table-kv-cache");
        Table tenants = RunTables.tenants(run);
        if (!tenants.rows().isEmpty()) {
            page.table(tenants, "table-tenants");
        }
        page.table(RunTables.waste(run), "table-waste");
        page.section("Cost by model and component, quality");
        page.table(EconomicsTables.models(run), "table-models");
        page.table(EconomicsTables.components(run), "table-cost-components");
        if (EconomicsTables.anyOwned(run)) {
            page.table(EconomicsTables.ownedVsRented(run), "table-owned-vs-rented");
        }
        if (EconomicsTables.anyQualityOrDisconnect(run)) {
            page.table(EconomicsTables.quality(run), "table-quality");
        }
        for (String line : EconomicsText.notes(run)) {
            page.paragraph(line);
        }
        Table events = DisruptionTables.events(run);
        Table headroom = DisruptionTables.headroom(run);
        if (!events.rows().isEmpty() || !headroom.rows().isEmpty()) {
            page.section("Zone outages, rolling deploys and headroom");
            if (!events.rows().isEmpty()) {
                page.paragraph("Requests are judged by when their client first sent them: during an event's window "
                        + "or outside every window.");
                page.table(events, "table-disruptions");
            }
            if (!headroom.rows().isEmpty()) {
                page.table(headroom, "table-headroom");
            }
        }

        page.section("Queue, batch occupancy, SLO, cost and KV cache over time");
        if (withCharts) {
            page.charts(charts.get(5));
            page.charts(charts.get(6));
            page.charts(charts.get(8));
        }

        page.section("What the numbers mean");
        page.definitions(ReportGlossary.TERMS.toArray(String[]::new));
        page.footer("fleetsim; the same scenario and seed give the same report. Files beside this page: "
                + "report.json, summary.csv, timeseries.csv, summary.txt.");
        return page.render();
    }

    private static String route(RouteSpec r) {
        return String.format(Locale.ROOT, "%s (%.0f%%, SLO TTFT %s, TPOT %s)", r.name(), r.share() * 100,
                DurationText.format(r.slo().ttftSeconds()), DurationText.format(r.slo().tpotSeconds()));
    }

    /** {@code " (lo-hi)"} for a pool whose profile was cross-validated against capacity, else empty. */
    private static String capacityRange(RunResult run, String pool, double perReplica) {
        return run.pools().stream().filter(p -> p.name().equals(pool)).findFirst()
                .flatMap(p -> EndToEndBand.capacityRange(p.endToEnd(), perReplica)).map(r -> " (" + r + ")").orElse("");
    }

    private static String pool(PoolSpec p) {
        if (p.server() instanceof ServerSpec.Api a) {
            ApiSpec api = a.api();
            String limits = api.requestsPerMinute() > 0 || api.tokensPerMinute() > 0
                    ? String.format(Locale.ROOT, ", rate limits %,d requests and %,d tokens a minute (0: none)",
                    api.requestsPerMinute(), api.tokensPerMinute()) : ", no rate limit";
            return String.format(Locale.ROOT, "%s (api): hosted API at $%s per 1M input, $%s per 1M cached input, "
                    + "$%s per 1M output tokens%s", p.name(), ValueFormat.plain(api.usdPerMtokInput(), 4),
                    ValueFormat.plain(api.usdPerMtokCachedInput(), 4), ValueFormat.plain(api.usdPerMtokOutput(), 4),
                    limits);
        }
        String server = p.server() instanceof ServerSpec.Llm llm
                ? String.format(Locale.ROOT, "%s on %d x %s", llm.memory().model().name(),
                llm.memory().tensorParallel(), llm.memory().gpu().name())
                : p.server() instanceof ServerSpec.Disaggregated d
                ? String.format(Locale.ROOT, "%s disaggregated: %d prefill x %d %s + %d decode x %d, KV over %s",
                d.prefill().memory().model().name(), d.prefillWorkers(), d.prefill().gpusPerReplica(),
                d.prefill().memory().gpu().name(), d.decodeWorkers(), d.decode().gpusPerReplica(), d.link().kind())
                : "queueing servers";
        return String.format(Locale.ROOT, "%s (%s): %d x %s at $%s/GPU-hour", p.name(), p.kind().id(), p.replicas(),
                server, ValueFormat.plain(p.usdPerGpuHour(), 4));
    }
}
