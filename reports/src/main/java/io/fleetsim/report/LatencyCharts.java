package io.fleetsim.report;

import io.fleetsim.input.DurationText;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.spec.SloSpec;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency distributions as cumulative curves (share of requests at or under a latency), one per
 * route and one for all routes, with each route's SLO target drawn as a vertical line of the
 * route's colour: where a route's curve crosses its line is its share within that target.
 */
public final class LatencyCharts {

    /** Curves whose largest value exceeds their median this many times use a logarithmic axis. */
    private static final double LOG_AXIS_SPREAD = 30;

    private LatencyCharts() {
    }

    /** Time to first token. */
    public static JFreeChart ttft(RunReport report) {
        return cdf(report, "Time to first token (TTFT)", Latencies::ttft, s -> s.ttftSeconds() * 1000);
    }

    /** Time per output token. */
    public static JFreeChart tpot(RunReport report) {
        return cdf(report, "Time per output token (TPOT)", Latencies::tpot, s -> s.tpotSeconds() * 1000);
    }

    /**
     * The KV transfer times of each disaggregated pool (prefill end to KV arrival), one curve per
     * pool; no SLO applies to them.
     */
    public static JFreeChart kvTransfers(RunResult run) {
        XYSeriesCollection curves = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = curveRenderer();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double median = 0;
        for (PoolResult p : run.pools()) {
            if (p.disaggregation() != null && addCurve(curves, p.name(), p.disaggregation().transferTimes())) {
                LatencySummary s = p.disaggregation().transferTimes();
                renderer.setSeriesPaint(curves.getSeriesCount() - 1, ChartStyle.color(curves.getSeriesCount() - 1));
                min = Math.min(min, positive(s.cdfMs()));
                max = Math.max(max, s.maxMs());
                median = Math.max(median, s.p50Ms());
            }
        }
        boolean log = median > 0 && max / median > LOG_AXIS_SPREAD;
        NumberAxis y = ChartAxes.number("transfers at or under (%)");
        y.setRange(0, 100.5);
        XYPlot plot = new XYPlot(curves, log ? logAxis(min) : ChartAxes.number("milliseconds"), y, renderer);
        return ChartStyle.chart("KV transfer time, prefill end to KV arrival", plot);
    }

    /** Lines without markers, each series drawn with the chart style's line unless set otherwise. */
    private static XYLineAndShapeRenderer curveRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultStroke(ChartStyle.LINE);
        return renderer;
    }

    private static JFreeChart cdf(RunReport report, String title, Function<Latencies, LatencySummary> metric,
                                  ToDoubleFunction<SloSpec> targetMs) {
        RunResult run = report.result();
        XYSeriesCollection curves = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = curveRenderer();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double median = 0;
        List<RouteResult> routes = run.routes();
        if (routes.size() > 1) {
            addCurve(curves, RunTables.ALL_ROUTES, metric.apply(run.latency()));
            renderer.setSeriesPaint(0, ChartStyle.TOTAL);
            renderer.setSeriesStroke(0, ChartStyle.DASHED);
        }
        for (int i = 0; i < routes.size(); i++) {
            if (addCurve(curves, routes.get(i).name(), metric.apply(routes.get(i).latency()))) {
                renderer.setSeriesPaint(curves.getSeriesCount() - 1, ChartStyle.color(i));
            }
        }
        for (RouteResult r : routes) {
            LatencySummary s = metric.apply(r.latency());
            if (s.count() > 0) {
                min = Math.min(min, positive(s.cdfMs()));
                max = Math.max(max, s.maxMs());
                median = Math.max(median, s.p50Ms());
            }
        }
        boolean log = median > 0 && max / median > LOG_AXIS_SPREAD;
        ValueAxis x = log ? logAxis(min) : ChartAxes.number("milliseconds");
        NumberAxis y = ChartAxes.number("requests at or under (%)");
        y.setRange(0, 100.5);
        XYPlot plot = new XYPlot(curves, x, y, renderer);
        for (int i = 0; i < routes.size(); i++) {
            Optional<SloSpec> slo = report.slo(routes.get(i).name());
            if (slo.isPresent()) {
                double ms = targetMs.applyAsDouble(slo.get());
                if (ms * 1.15 > x.getUpperBound()) {
                    x.setUpperBound(ms * 1.15);
                }
                plot.addDomainMarker(sloMarker(routes.get(i).name(), ms, i, ms > threeQuarters(x)));
            }
        }
        return ChartStyle.chart(title, plot);
    }

    /** A dashed line at {@code ms}, labelled on its left when it is near the right edge of the plot. */
    private static ValueMarker sloMarker(String route, double ms, int index, boolean labelOnLeft) {
        ValueMarker m = new ValueMarker(ms, ChartStyle.color(index), ChartStyle.DASHED);
        m.setLabel(route + " SLO " + DurationText.format(ms / 1000));
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelPaint(ChartStyle.color(index));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(labelOnLeft ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(labelOnLeft ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new RectangleInsets(8 + 16 * index, 4, 8 + 16 * index, 4));
        return m;
    }

    /** Three quarters of the way along an axis (on a log axis, in log space). */
    private static double threeQuarters(ValueAxis axis) {
        double lo = axis.getLowerBound();
        double hi = axis.getUpperBound();
        return axis instanceof LogAxis && lo > 0 ? Math.pow(lo, 0.25) * Math.pow(hi, 0.75) : lo + 0.75 * (hi - lo);
    }

    private static boolean addCurve(XYSeriesCollection curves, String name, LatencySummary s) {
        if (s.count() == 0 || s.cdfMs().isEmpty()) {
            return false;
        }
        XYSeries series = new XYSeries(name, false, true);
        List<Double> ms = s.cdfMs();
        for (int i = 0; i < ms.size() && i < LatencySummary.CDF_PERCENTILES.size(); i++) {
            series.add(Math.max(ms.get(i), 1e-3), LatencySummary.CDF_PERCENTILES.get(i));
        }
        curves.addSeries(series);
        return true;
    }

    private static double positive(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(1);
    }

    private static LogAxis logAxis(double min) {
        LogAxis axis = ChartAxes.log("milliseconds (log scale)");
        axis.setSmallestValue(Math.max(1e-3, min / 2));
        return axis;
    }
}
