package io.fleetsim.report.sweep;

import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.ChartAxes;
import io.fleetsim.report.ChartImage;
import io.fleetsim.report.ChartStyle;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.Verdict;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a sweep: every configuration as a point with its 95% confidence intervals as
 * error bars, coloured by whether it meets the constraints.
 */
public final class SweepCharts {

    /** Points are labelled with their settings only when there are this few. */
    private static final int MAX_LABELS = 20;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private SweepCharts() {
    }

    /**
     * Writes both charts of a sweep into {@code folder}: {@code cost-vs-slo.png} and
     * {@code cost-vs-reserved-share.png}.
     */
    public static void write(Path folder, List<PointSummary> points, List<Integer> front, List<Constraint> constraints,
                             List<Dimension> dimensions, boolean judged) throws IOException {
        AtomicFiles.writeBytes(folder.resolve("cost-vs-slo.png"), ChartImage.of("cost-vs-slo", "cost against SLO",
                costVersusSlo(points, front, constraints, dimensions), 900, 560).png());
        AtomicFiles.writeBytes(folder.resolve("cost-vs-reserved-share.png"), ChartImage.of("cost-vs-reserved-share",
                "cost per useful token against reserved share",
                costPerTokenVersusReservedShare(points, judged, dimensions), 900, 560).png());
    }

    /**
     * Total cost against SLO attainment, with the Pareto front (the configurations no other beats
     * on both) joined by a line and labelled with their settings.
     */
    public static JFreeChart costVersusSlo(List<PointSummary> points, List<Integer> front, List<Constraint> constraints,
                                           List<Dimension> dimensions) {
        XYPlot plot = scatter(points, Metric.SLO_ATTAINMENT, 100, Metric.TOTAL_COST_USD, 1, !constraints.isEmpty());
        within((NumberAxis) plot.getDomainAxis(), 0, 100);
        within((NumberAxis) plot.getRangeAxis(), 0, Double.POSITIVE_INFINITY);
        plot.getDomainAxis().setLabel("SLO attainment (%)");
        plot.getRangeAxis().setLabel("total cost over the horizon ($)");
        XYSeries line = new XYSeries("Pareto front", false, true);
        List<Integer> sorted = front.stream()
                .sorted(Comparator.comparingDouble(i -> points.get(i).estimate(Metric.SLO_ATTAINMENT).mean())).toList();
        for (int i : sorted) {
            double x = 100 * points.get(i).estimate(Metric.SLO_ATTAINMENT).mean();
            double y = points.get(i).estimate(Metric.TOTAL_COST_USD).mean();
            line.add(x, y);
            if (sorted.size() <= MAX_LABELS) {
                plot.addAnnotation(label(settings(points.get(i), dimensions), x, y, plot));
            }
        }
        XYLineAndShapeRenderer frontRenderer = new XYLineAndShapeRenderer(true, false);
        frontRenderer.setSeriesPaint(0, ChartStyle.TOTAL);
        frontRenderer.setSeriesStroke(0, ChartStyle.DASHED);
        plot.setDataset(1, new XYSeriesCollection(line));
        plot.setRenderer(1, frontRenderer);
        for (Constraint c : constraints) {
            if (c.metric() == Metric.SLO_ATTAINMENT) {
                ValueMarker target = new ValueMarker(100 * c.threshold(), ChartStyle.TOTAL, ChartStyle.DASHED);
                target.setLabel(c.toString());
                target.setLabelFont(LABEL_FONT);
                // at the bottom: cheap and within the SLO is where points are rarest
                target.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addDomainMarker(target);
            }
        }
        return ChartStyle.chart("Cost against SLO attainment", plot);
    }

    /** Cost per useful million tokens against the share of GPU-hours that are reserved. */
    public static JFreeChart costPerTokenVersusReservedShare(List<PointSummary> points, boolean judged,
                                                            List<Dimension> dimensions) {
        XYPlot plot = scatter(points, Metric.RESERVED_SHARE, 100, Metric.COST_PER_USEFUL_MTOK, 1, judged);
        within((NumberAxis) plot.getRangeAxis(), 0, Double.POSITIVE_INFINITY);
        plot.getDomainAxis().setLabel("reserved share of paid GPU-hours (%)");
        plot.getDomainAxis().setRange(-4, 104);
        plot.getRangeAxis().setLabel("$ per useful 1M tokens");
        if (points.size() <= MAX_LABELS) {
            for (PointSummary p : points) {
                double x = 100 * p.estimate(Metric.RESERVED_SHARE).mean();
                double y = p.estimate(Metric.COST_PER_USEFUL_MTOK).mean();
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    plot.addAnnotation(label(settings(p, dimensions), x, y, plot));
                }
            }
        }
        return ChartStyle.chart("Cost per useful token against reserved share", plot);
    }

    /** A scatter of y against x with error bars, split into meeting and missing the constraints. */
    private static XYPlot scatter(List<PointSummary> points, Metric x, double xScale, Metric y, double yScale,
                                  boolean judged) {
        XYIntervalSeries meets = new XYIntervalSeries(judged ? "meets constraints (95%)" : "configurations");
        XYIntervalSeries marginal = new XYIntervalSeries("marginal");
        XYIntervalSeries misses = new XYIntervalSeries("misses constraints");
        for (PointSummary p : points) {
            Estimate ex = p.estimate(x);
            Estimate ey = p.estimate(y);
            if (!Double.isFinite(ex.mean()) || !Double.isFinite(ey.mean())) {
                continue;
            }
            XYIntervalSeries series = !judged || p.verdict() == Verdict.MET ? meets
                    : p.verdict() == Verdict.MARGINAL ? marginal : misses;
            double hx = Double.isFinite(ex.halfWidth()) ? ex.halfWidth() : 0;
            double hy = Double.isFinite(ey.halfWidth()) ? ey.halfWidth() : 0;
            // intervals end where the metric does: no cost below 0, no share above 100 %
            series.add(ex.mean() * xScale, Math.max(0, ex.mean() - hx) * xScale,
                    Math.min(highest(x), ex.mean() + hx) * xScale, ey.mean() * yScale,
                    Math.max(0, ey.mean() - hy) * yScale, Math.min(highest(y), ey.mean() + hy) * yScale);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(meets);
        if (judged) {
            data.addSeries(marginal);
            data.addSeries(misses);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setCapLength(4);
        int[] colours = {2, 3, 1};
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.color(colours[s]));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        NumberAxis xAxis = ChartAxes.number(null);
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setNumberFormatOverride(ChartAxes.format("0.##"));
        NumberAxis yAxis = ChartAxes.number(null);
        yAxis.setAutoRangeIncludesZero(false);
        return new XYPlot(data, xAxis, yAxis, renderer);
    }

    /** The largest value {@code m} can take: 1 for shares, unbounded otherwise (every metric is >= 0). */
    private static double highest(Metric m) {
        return m == Metric.SLO_ATTAINMENT || m == Metric.RESERVED_SHARE ? 1 : Double.POSITIVE_INFINITY;
    }

    /**
     * Keeps {@code axis} (auto-ranged, margins included) within {@code lowest..highest}, so that
     * no tick reads as a negative cost or a share above 100 %; a margin of 2 % of the range, less
     * than a tick, is left beyond them so that points on the bound stay whole.
     */
    private static void within(NumberAxis axis, double lowest, double highest) {
        double margin = 0.02 * (axis.getUpperBound() - axis.getLowerBound());
        double lower = Math.max(lowest - margin, axis.getLowerBound());
        double upper = Math.min(highest + margin, axis.getUpperBound());
        if (lower != axis.getLowerBound() || upper != axis.getUpperBound()) {
            axis.setRange(lower, upper > lower ? upper : lower + 1);
        }
    }

    /** A point's settings written next to it: on its right, or on its left near the right edge. */
    private static XYTextAnnotation label(String text, double x, double y, XYPlot plot) {
        NumberAxis axis = (NumberAxis) plot.getDomainAxis();
        boolean nearRight = x > axis.getLowerBound() + 0.9 * (axis.getUpperBound() - axis.getLowerBound());
        XYTextAnnotation label = new XYTextAnnotation(nearRight ? text + " " : " " + text, x, y);
        label.setFont(LABEL_FONT);
        label.setTextAnchor(nearRight ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        return label;
    }

    /** The values of a point's settings, e.g. {@code 2/1} for two dimensions. */
    static String settings(PointSummary p, List<Dimension> dimensions) {
        return dimensions.stream().map(d -> p.configuration().valueOf(d.path())).collect(Collectors.joining("/"));
    }
}
