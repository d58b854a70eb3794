package io.fleetsim.report;

import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Strategy;
import io.fleetsim.input.DurationText;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * {@code compare.html}: the verdict, any warnings, the charts of the strategies side by side, the
 * comparison table, and links to each strategy's own report.
 */
public final class CompareHtmlReport {

    /** The ids of the chart images, in page order. */
    public static final List<String> CHART_IDS = List.of("chart-cost-per-useful-mtok", "chart-slo-attainment",
            "chart-spend-by-pool", "chart-spend-by-state", "chart-waste", "chart-ttft-p99", "chart-tpot-p99");

    private static final int HEIGHT = 360;

    private CompareHtmlReport() {
    }

    /** The page for {@code c}. */
    public static String render(Comparison c) {
        HtmlPage page = new HtmlPage("fleetsim comparison: " + String.join(" vs ",
                c.strategies().stream().map(Strategy::name).toList()));
        Strategy first = c.strategies().get(0);
        page.meta("SLO attainment target " + ValueFormat.SHARE.display(c.sloTarget()) + "; "
                + ComparisonText.seeds(c) + "; "
                + DurationText.format(first.result().simulatedSeconds()) + " simulated per strategy");
        page.meta(c.sameTraffic() ? "Every strategy saw the same requests (same workload and seed)."
                : "The strategies saw different traffic: see the notes.");
        if (c.replicated()) {
            page.meta("Replication i of every strategy sees the same requests. Bars and the table's SLO, cost and "
                    + "p99 columns are means over the replications, with 95% half-widths (±) in the table; a strategy "
                    + "meets the target when its whole interval does. The other columns and each strategy's report are "
                    + "replication 0's (seed " + first.result().seed() + ").");
        }
        page.callout("verdict", VerdictText.of(c));
        ComparisonNotes.of(c).forEach(w -> page.callout("warn", "Note: " + w));

        page.section("Unit cost and SLO");
        page.charts(image(0, "Cost per useful 1M tokens by strategy", ComparisonCharts.costPerUsefulMtok(c)),
                image(1, "SLO attainment by strategy against the target", ComparisonCharts.sloAttainment(c)));
        page.table(ComparisonTables.page(c), "table-compare");

        Table split = ComparisonTables.split(c);
        if (!split.rows().isEmpty()) {
            page.section("Disaggregated pools: the split");
            page.paragraph("Per deployment: prefill and decode workers; each side's utilization; the KV transfer "
                    + "time from prefill end to KV arrival (ms).");
            page.table(split, "table-compare-split");
        }

        page.section("Where the money and the tokens went");
        page.charts(image(2, "Spend by pool", ComparisonCharts.spendByPool(c)),
                image(3, "Spend by state: busy, idle, cold start, API tokens", ComparisonCharts.spendByState(c)));
        page.charts(image(4, "Wasted tokens by cause", ComparisonCharts.waste(c)));

        page.section("Tail latency");
        page.charts(image(5, "TTFT p99 by strategy", ComparisonCharts.ttftP99(c)),
                image(6, "TPOT p99 by strategy", ComparisonCharts.tpotP99(c)));

        page.section("Reports of each strategy");
        String[] links = new String[c.strategies().size() * 2];
        for (int i = 0; i < c.strategies().size(); i++) {
            Strategy s = c.strategies().get(i);
            links[2 * i] = s.name() + "/index.html";
            links[2 * i + 1] = s.name() + " (" + s.file() + ", scenario " + s.result().scenario() + ")";
        }
        page.links(links);

        page.section("What the numbers mean");
        page.definitions(ReportGlossary.TERMS.toArray(String[]::new));
        page.footer("fleetsim compare; the same scenarios and seed give the same page. Files beside it: "
                + "compare.csv, compare.json, compare.txt and one report folder per strategy.");
        return page.render();
    }

    private static ChartImage image(int index, String alt, JFreeChart chart) {
        return ChartImage.of(CHART_IDS.get(index), alt, chart, HtmlPage.HALF_WIDTH, HEIGHT);
    }
}
