package io.fleetsim.report.sweep;

import io.fleetsim.report.ChartImage;
import io.fleetsim.report.EstimateText;
import io.fleetsim.report.HtmlPage;
import io.fleetsim.sweep.Configuration;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.OptimizeResult;
import io.fleetsim.sweep.ParetoFront;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.SearchStats;
import io.fleetsim.sweep.SensitivityRow;
import io.fleetsim.sweep.SweepResult;
import io.fleetsim.sweep.SweepSpec;
import io.fleetsim.sweep.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code sweep.html} and {@code optimize.html}: the configurations' table and the two charts on
 * one self-contained page, with what the point labels mean and which configurations a chart could
 * not draw (or the search did not simulate), and why.
 */
public final class SweepHtmlReport {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private SweepHtmlReport() {
    }

    /** The page of a sweep. */
    public static String render(SweepResult result, String scenarioName) {
        SweepSpec spec = result.spec();
        HtmlPage page = new HtmlPage("fleetsim sweep: " + scenarioName);
        header(page, spec);
        page.meta(result.points().size() + " configurations");

        page.section("Configurations");
        page.table(SweepText.table(result), "table-sweep");
        charts(page, result.points(), result.paretoFront(), spec);
        page.footer("fleetsim; the same sweep and seeds give the same page. Files beside it: sweep.txt, sweep.csv, "
                + "cost-vs-slo.png, cost-vs-reserved-share.png, results.jsonl.");
        return page.render();
    }

    /** The page of an optimization; {@code sensitivity} may be empty (not run). */
    public static String render(OptimizeResult result, List<SensitivityRow> sensitivity, String scenarioName) {
        SweepSpec spec = result.spec();
        List<Dimension> dims = spec.grid().dimensions();
        Metric objective = result.objective();
        HtmlPage page = new HtmlPage("fleetsim optimize: " + scenarioName);
        page.meta("Objective: " + (objective.higherIsBetter() ? "highest " : "lowest ") + objective.id());
        header(page, spec);
        SearchStats stats = result.stats();
        page.meta(String.format(Locale.ROOT, "Search: %s; %d of %d configurations simulated in %d simulations "
                + "(%d rounds), seeds from %d, the same for every configuration", stats.method(), stats.evaluated(),
                stats.configurations(), stats.simulations(), stats.rounds(), spec.seed()));

        page.section("Best configuration");
        PointSummary best = result.best();
        if (best == null) {
            page.callout("warn", "No configuration simulated meets the constraints, even marginally: "
                    + "widen the --vary ranges.");
        } else {
            page.callout(best.verdict() == Verdict.MET ? "verdict" : "warn", best.configuration().key()
                    + (best.verdict() == Verdict.MET ? ": meets the constraints with 95% confidence"
                    : ": MARGINAL, no configuration meets the constraints with 95% confidence; this one's interval "
                    + "still straddles a threshold after " + best.n() + " replications")
                    + "; " + objective.id() + " " + EstimateText.of(best.estimate(objective),
                    SweepTables.format(objective)));
            if (!result.runnerUps().isEmpty()) {
                page.paragraph("Runner-ups; 'vs best' is the paired difference from the best over common seeds, "
                        + "with its 95% half-width.");
                page.table(SweepTables.runnerUps(result.runnerUps(), best, objective, dims), "table-runner-ups");
            }
            List<SensitivityRow> applicable = sensitivity.stream().filter(r -> r.perturbation().applies()).toList();
            if (!applicable.isEmpty()) {
                page.section("Sensitivity of the best fleet");
                page.paragraph("Each change re-run on the same seeds; 'change' is the paired difference from the "
                        + "fleet as chosen.");
                page.table(SensitivityTable.of(best, applicable), "table-sensitivity");
                List<String> skipped = sensitivity.stream().filter(r -> !r.perturbation().applies())
                        .map(r -> r.perturbation().name() + " (" + r.perturbation().notApplicable() + ")").toList();
                if (!skipped.isEmpty()) {
                    page.paragraph("Not applicable to this fleet: " + String.join("; ", skipped) + ".");
                }
            }
        }

        page.section("Configurations simulated");
        List<Integer> front = ParetoFront.of(result.evaluated(), Metric.TOTAL_COST_USD, Metric.SLO_ATTAINMENT);
        page.table(SweepTables.points(result.evaluated(), dims, true, new HashSet<>(front)), "table-optimize");
        notSimulated(page, result);
        charts(page, result.evaluated(), front, spec);
        page.footer("fleetsim; the same search and seeds give the same page. Files beside it: optimize.txt, "
                + "optimize.csv, sensitivity.csv, cost-vs-slo.png, cost-vs-reserved-share.png, results.jsonl.");
        return page.render();
    }

    private static void header(HtmlPage page, SweepSpec spec) {
        page.meta("Varied: " + spec.grid().dimensions().stream().map(d -> d.path() + " = "
                + String.join(", ", d.values())).collect(Collectors.joining("; ")));
        page.meta("Constraints (judged on 95% confidence intervals): " + (spec.constraints().isEmpty() ? "none"
                : spec.constraints().stream().map(Constraint::toString).collect(Collectors.joining(", "))));
    }

    /** Names the grid's configurations the search did not simulate, and why it could leave them out. */
    private static void notSimulated(HtmlPage page, OptimizeResult result) {
        Set<Configuration> simulated = result.evaluated().stream().map(PointSummary::configuration)
                .collect(Collectors.toSet());
        List<String> out = result.spec().grid().configurations().stream().filter(c -> !simulated.contains(c))
                .map(c -> result.spec().grid().dimensions().stream().map(d -> c.valueOf(d.path()))
                        .collect(Collectors.joining("/"))).toList();
        if (out.isEmpty()) {
            return;
        }
        SearchStats stats = result.stats();
        page.paragraph(String.format(Locale.ROOT, "Not simulated: %s. Of these, %d pruned by the cost floor "
                        + "(what their reserved replicas alone cost over the horizon is already no better than a "
                        + "configuration meeting the constraints) and %d left out by bisection (where more "
                        + "replicas can only help, a count below the smallest that meets the constraints misses them "
                        + "too, and with total cost as the objective a "
                        + "count above it costs more). Labels as on the charts below.",
                String.join(", ", out), stats.inferred(), out.size() - stats.inferred()));
    }

    private static void charts(HtmlPage page, List<PointSummary> points, List<Integer> front, SweepSpec spec) {
        List<Dimension> dims = spec.grid().dimensions();
        List<Constraint> constraints = spec.constraints();
        page.section("Cost against SLO attainment");
        page.charts(ChartImage.of("chart-cost-vs-slo", "Total cost against SLO attainment with 95% intervals; "
                + "the Pareto front joined", SweepCharts.costVersusSlo(points, front, constraints, dims),
                WIDTH, HEIGHT));
        page.paragraph(labels(points, dims) + " This chart labels the points on the Pareto front, which joins "
                + "the configurations that no other is both cheaper and better than; the chart below labels every "
                + "point. Error bars are 95% confidence intervals over the replications.");
        skipped(page, points, dims, Metric.SLO_ATTAINMENT, Metric.TOTAL_COST_USD,
                "no SLO attainment (nothing completed)");

        page.section("Cost per useful token against reserved share");
        page.charts(ChartImage.of("chart-cost-vs-reserved-share", "Cost per useful 1M tokens against the reserved "
                + "share of paid GPU-hours", SweepCharts.costPerTokenVersusReservedShare(points,
                !constraints.isEmpty(), dims), WIDTH, HEIGHT));
        skipped(page, points, dims, Metric.RESERVED_SHARE, Metric.COST_PER_USEFUL_MTOK,
                "no GPU-hours (an all-API fleet has no reserved share) or no useful tokens");
    }

    /** What a point label says, with an example from {@code points}. */
    private static String labels(List<PointSummary> points, List<Dimension> dims) {
        if (dims.size() == 1) {
            return "Point labels are each configuration's value of " + dims.get(0).path() + ".";
        }
        String paths = dims.stream().map(Dimension::path).collect(Collectors.joining(" / "));
        if (points.isEmpty()) {
            return "Point labels are each configuration's values of " + paths + ", in that order.";
        }
        PointSummary p = points.get(points.size() - 1);
        List<String> parts = new ArrayList<>();
        for (Dimension d : dims) {
            parts.add(d.path() + " = " + p.configuration().valueOf(d.path()));
        }
        return "Point labels are each configuration's values of " + paths + ", in that order: '"
                + SweepCharts.settings(p, dims) + "' is " + String.join(", ", parts) + ".";
    }

    /** Says which configurations a chart of {@code x} against {@code y} leaves out, and why. */
    private static void skipped(HtmlPage page, List<PointSummary> points, List<Dimension> dims, Metric x, Metric y,
                                String why) {
        List<String> out = new ArrayList<>();
        for (PointSummary p : points) {
            if (!Double.isFinite(p.estimate(x).mean()) || !Double.isFinite(p.estimate(y).mean())) {
                out.add(SweepCharts.settings(p, dims));
            }
        }
        if (!out.isEmpty()) {
            page.paragraph("Not drawn on this chart: " + String.join(", ", out) + " (" + why + "); the table has them.");
        }
    }
}
