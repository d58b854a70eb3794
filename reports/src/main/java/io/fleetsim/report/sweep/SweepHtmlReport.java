package io.fleetsim.report.sweep;

import io.fleetsim.report.ChartImage;
import io.fleetsim.report.HtmlPage;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.SweepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code sweep.html}: a sweep's table and its two charts on one self-contained page, with what
 * the point labels mean and which configurations a chart could not draw, and why.
 */
public final class SweepHtmlReport {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private SweepHtmlReport() {
    }

    /** The page of {@code result}. */
    public static String render(SweepResult result, String scenarioName) {
        List<Dimension> dims = result.spec().grid().dimensions();
        List<Constraint> constraints = result.spec().constraints();
        HtmlPage page = new HtmlPage("fleetsim sweep: " + scenarioName);
        page.meta("Varied: " + dims.stream().map(d -> d.path() + " = " + String.join(", ", d.values()))
                .collect(Collectors.joining("; ")));
        page.meta("Constraints (judged on 95% confidence intervals): " + (constraints.isEmpty() ? "none"
                : constraints.stream().map(Constraint::toString).collect(Collectors.joining(", "))));
        page.meta(result.points().size() + " configurations");

        page.section("Configurations");
        page.table(SweepText.table(result), "table-sweep");

        page.section("Cost against SLO attainment");
        page.charts(ChartImage.of("chart-cost-vs-slo", "Total cost against SLO attainment with 95% intervals; "
                + "the Pareto front joined", SweepCharts.costVersusSlo(result.points(), result.paretoFront(),
                constraints, dims), WIDTH, HEIGHT));
        page.paragraph("Point labels are each configuration's values of " + dims.stream().map(Dimension::path)
                .collect(Collectors.joining(" / ")) + ", in that order (so '3/0' is the first at 3 and the second at "
                + "0). Error bars are 95% confidence intervals over the replications. The Pareto front joins the "
                + "configurations that no other is both cheaper and better than.");
        skipped(page, result, Metric.SLO_ATTAINMENT, Metric.TOTAL_COST_USD, "no SLO attainment (nothing completed)");

        page.section("Cost per useful token against reserved share");
        page.charts(ChartImage.of("chart-cost-vs-reserved-share", "Cost per useful 1M tokens against the reserved "
                + "share of paid GPU-hours", SweepCharts.costPerTokenVersusReservedShare(result.points(),
                !constraints.isEmpty(), dims), WIDTH, HEIGHT));
        skipped(page, result, Metric.RESERVED_SHARE, Metric.COST_PER_USEFUL_MTOK,
                "no GPU-hours (an all-API fleet has no reserved share) or no useful tokens");
        page.footer("fleetsim; the same sweep and seeds give the same page. Files beside it: sweep.txt, sweep.csv, "
                + "cost-vs-slo.png, cost-vs-reserved-share.png, results.jsonl.");
        return page.render();
    }

    /** Says which configurations a chart of {@code x} against {@code y} leaves out, and why. */
    private static void skipped(HtmlPage page, SweepResult result, Metric x, Metric y, String why) {
        List<String> out = new ArrayList<>();
        for (PointSummary p : result.points()) {
            if (!Double.isFinite(p.estimate(x).mean()) || !Double.isFinite(p.estimate(y).mean())) {
                out.add(SweepCharts.settings(p, result.spec().grid().dimensions()));
            }
        }
        if (!out.isEmpty()) {
            page.paragraph("Not drawn on this chart: " + String.join(", ", out) + " (" + why + "); the table has them.");
        }
    }
}
