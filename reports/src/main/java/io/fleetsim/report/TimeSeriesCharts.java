package io.fleetsim.report;

import io.fleetsim.metrics.KvCacheUtilization;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.run.DisruptionResult;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.spec.ServerSpec;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts over simulated time, drawn from {@link RunResult#timeSeries()}: traffic, the GPU replicas
 * that served it, the queue and batch occupancy, SLO attainment and the cost rate. A chart with
 * two value axes names the axis of each series in its legend. Columns a
 * run does not have are left out; pools are found by their {@code <pool>.replicas} columns.
 */
public final class TimeSeriesCharts {

    private TimeSeriesCharts() {
    }

    /** Arrivals and completions per second: one axis, one unit. */
    public static JFreeChart traffic(RunResult run) {
        return traffic(new RunReport(null, run));
    }

    /**
     * Arrivals and completions per second and, when the report has every GPU pool's capacity per
     * replica, the capacity of the replicas up in each interval: what the GPU fleet could complete
     * per second. One axis, one unit.
     */
    public static JFreeChart traffic(RunReport report) {
        RunResult run = report.result();
        TimeSeries ts = run.timeSeries();
        TimeAxis time = new TimeAxis(ts, run.simulatedSeconds());
        XYSeriesCollection traffic = new XYSeriesCollection();
        traffic.addSeries(series("arrivals / s", ts, time, "arrivals", true));
        traffic.addSeries(series("completions / s", ts, time, "completions", true));
        XYSeries capacity = capacity(report, ts, time);
        if (capacity != null) {
            traffic.addSeries(capacity);
        }
        NumberAxis rateAxis = ChartAxes.number("requests per second");
        rateAxis.setUpperMargin(0.15);
        XYLineAndShapeRenderer trafficLines = lines();
        trafficLines.setSeriesPaint(0, ChartStyle.color(1));
        trafficLines.setSeriesPaint(1, ChartStyle.color(2));
        if (capacity != null) {
            trafficLines.setSeriesPaint(2, ChartStyle.color(0));
            trafficLines.setSeriesStroke(2, ChartStyle.DASHED);
        }
        return ChartStyle.chart("Traffic over time", new XYPlot(traffic, time.axis(), rateAxis, trafficLines));
    }

    /**
     * Replicas of each GPU pool in each interval times what one completes per second when
     * overloaded, summed; null unless every GPU pool's capacity is known.
     */
    private static XYSeries capacity(RunReport report, TimeSeries ts, TimeAxis time) {
        List<PoolResult> pools = pools(report.result());
        if (pools.isEmpty() || !pools.stream().allMatch(p -> report.replicaCapacity().containsKey(p.name()))) {
            return null;
        }
        boolean api = report.result().pools().size() > pools.size();
        XYSeries s = new XYSeries(api ? "GPU pools' capacity / s" : "capacity / s", false, false);
        for (int r = 0; r < ts.rows().size(); r++) {
            double sum = 0;
            for (PoolResult p : pools) {
                int c = ts.column(p.name() + ".replicas");
                sum += c >= 0 ? ts.rows().get(r)[c] * report.replicaCapacity().get(p.name()) : 0;
            }
            s.add(time.x(r), sum);
        }
        return s;
    }

    /**
     * Replicas of each GPU pool stacked, and the busy ones among them: one axis of replicas. API
     * pools have no replicas and are left out (the cost and API tables show what they did).
     */
    public static JFreeChart replicas(RunResult run) {
        TimeSeries ts = run.timeSeries();
        TimeAxis time = new TimeAxis(ts, run.simulatedSeconds());
        DefaultTableXYDataset replicas = new DefaultTableXYDataset();
        XYSeries busy = new XYSeries("busy replicas (all GPU pools)", false, false);
        List<PoolResult> pools = pools(run);
        for (PoolResult p : pools) {
            replicas.addSeries(series(p.name() + " replicas", ts, time, p.name() + ".replicas", false));
        }
        for (int r = 0; r < ts.rows().size(); r++) {
            double sum = 0;
            for (PoolResult p : pools) {
                int c = ts.column(p.name() + ".busy_replicas");
                sum += c >= 0 ? ts.rows().get(r)[c] : 0;
            }
            busy.add(time.x(r), sum);
        }
        NumberAxis replicaAxis = ChartAxes.count("replicas");
        replicaAxis.setUpperMargin(0.15);
        StackedXYAreaRenderer2 area = new StackedXYAreaRenderer2();
        for (int i = 0; i < pools.size(); i++) {
            area.setSeriesPaint(i, translucent(ChartStyle.color(i)));
        }
        XYPlot plot = new XYPlot(replicas, time.axis(), replicaAxis, area);
        XYLineAndShapeRenderer busyLine = lines();
        busyLine.setSeriesPaint(0, ChartStyle.TOTAL);
        busyLine.setSeriesStroke(0, ChartStyle.DASHED);
        plot.setRenderer(1, busyLine);
        plot.setDataset(1, new XYSeriesCollection(busy));
        return ChartStyle.chart("GPU replicas over time", plot);
    }

    /**
     * Requests waiting in pool queues (left axis), and the batch occupancy of each GPU pool (right
     * axis): requests in service over the request slots of its replicas ({@code max_num_seqs} each,
     * one for a queueing server). Occupancy is the load signal; "replicas busy" reads 100 % as soon
     * as each replica holds one request.
     */
    public static JFreeChart queueAndOccupancy(RunReport report) {
        RunResult run = report.result();
        TimeSeries ts = run.timeSeries();
        TimeAxis time = new TimeAxis(ts, run.simulatedSeconds());
        XYSeriesCollection queue = new XYSeriesCollection();
        queue.addSeries(series("queued requests (left axis)", ts, time, "queued", false));
        NumberAxis queueAxis = ChartAxes.count("queued requests");
        queueAxis.setUpperMargin(0.15);
        XYLineAndShapeRenderer queueLine = lines();
        queueLine.setSeriesPaint(0, ChartStyle.TOTAL);
        XYPlot plot = new XYPlot(queue, time.axis(), queueAxis, queueLine);

        XYSeriesCollection occupancy = new XYSeriesCollection();
        List<PoolResult> pools = pools(run);
        for (PoolResult p : pools) {
            XYSeries s = new XYSeries(p.name() + " batch occupancy (right axis)", false, false);
            int inService = ts.column(p.name() + ".in_service");
            int size = ts.column(p.name() + ".replicas");
            int slots = slotsPerReplica(report, p.name());
            for (int r = 0; r < ts.rows().size(); r++) {
                double n = inService >= 0 && size >= 0 ? ts.rows().get(r)[size] * slots : 0;
                s.add(time.x(r), n > 0 ? 100 * ts.rows().get(r)[inService] / n : Double.NaN);
            }
            occupancy.addSeries(s);
        }
        plot.setRangeAxis(1, percentAxis("batch occupancy (% of request slots, right)"));
        XYLineAndShapeRenderer occupancyLines = lines();
        for (int i = 0; i < pools.size(); i++) {
            occupancyLines.setSeriesPaint(i, ChartStyle.color(i));
        }
        plot.setRenderer(1, occupancyLines);
        plot.setDataset(1, occupancy);
        plot.mapDatasetToRangeAxis(1, 1);
        return ChartStyle.chart("Queue and batch occupancy over time", plot);
    }

    /** Request slots of one replica of pool {@code pool}: its {@code max_num_seqs}, 1 for a queueing server. */
    private static int slotsPerReplica(RunReport report, String pool) {
        return report.scenario().pools().stream().filter(p -> p.name().equals(pool)).findFirst()
                .map(p -> p.server() instanceof ServerSpec.Llm llm ? llm.batching().maxNumSeqs() : 1).orElse(1);
    }

    /** SLO attainment of each interval, and the fleet's cost rate. */
    public static JFreeChart sloAndCostRate(RunResult run) {
        TimeSeries ts = run.timeSeries();
        TimeAxis time = new TimeAxis(ts, run.simulatedSeconds());
        XYSeries slo = new XYSeries("SLO attainment in the interval (left axis)", false, false);
        int c = ts.column("slo_attainment");
        for (int r = 0; r < ts.rows().size() && c >= 0; r++) {
            slo.add(time.x(r), 100 * ts.rows().get(r)[c]);
        }
        XYLineAndShapeRenderer sloLine = lines();
        sloLine.setSeriesPaint(0, ChartStyle.color(0));
        XYPlot plot = new XYPlot(new XYSeriesCollection(slo), time.axis(), percentAxis("SLO attainment (%)"),
                sloLine);
        XYSeriesCollection cost = new XYSeriesCollection();
        cost.addSeries(series("cost rate ($/h, right axis)", ts, time, "cost_rate_usd_per_h", false));
        NumberAxis costAxis = ChartAxes.number("cost rate ($ per hour, right)");
        costAxis.setNumberFormatOverride(ChartAxes.format("$#,##0.##"));
        costAxis.setAutoRangeIncludesZero(true);
        costAxis.setUpperMargin(0.15);
        plot.setRangeAxis(1, costAxis);
        XYLineAndShapeRenderer costLine = lines();
        costLine.setSeriesPaint(0, ChartStyle.color(3));
        plot.setRenderer(1, costLine);
        plot.setDataset(1, cost);
        plot.mapDatasetToRangeAxis(1, 1);
        // Zone outages and rolling deploys as shaded windows, so the SLO's dips can be read against them.
        for (DisruptionResult d : run.disruptions()) {
            IntervalMarker window = new IntervalMarker(time.atSeconds(d.startSeconds()), time.atSeconds(d.endSeconds()),
                    new Color(0, 0, 0, 24));
            window.setLabel(d.name());
            window.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            window.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(window, Layer.BACKGROUND);
        }
        return ChartStyle.chart("SLO attainment and cost rate over time", plot);
    }

    /**
     * KV-cache utilisation of each pool of LLM servers over time (the share of KV blocks in use at
     * the end of each interval, mean over its serving replicas); empty when no pool has a KV cache.
     */
    public static JFreeChart kvCache(RunResult run) {
        TimeSeries ts = run.timeSeries();
        TimeAxis time = new TimeAxis(ts, run.simulatedSeconds());
        XYSeriesCollection kv = new XYSeriesCollection();
        for (PoolResult p : run.pools()) {
            int c = ts.column(KvCacheUtilization.column(p.name()));
            if (c < 0) {
                continue;
            }
            XYSeries s = new XYSeries(p.name() + " KV cache in use", false, false);
            for (int r = 0; r < ts.rows().size(); r++) {
                s.add(time.x(r), 100 * ts.rows().get(r)[c]);
            }
            kv.addSeries(s);
        }
        XYLineAndShapeRenderer kvLines = lines();
        for (int i = 0; i < kv.getSeriesCount(); i++) {
            kvLines.setSeriesPaint(i, ChartStyle.color(i));
        }
        XYPlot plot = new XYPlot(kv, time.axis(), percentAxis("KV cache in use (% of blocks)"), kvLines);
        return ChartStyle.chart("KV-cache utilisation over time", plot);
    }

    /** The GPU pools with columns in the time series (an API pool's one "replica" is not drawn). */
    private static List<PoolResult> pools(RunResult run) {
        return run.pools().stream().filter(p -> !RunTables.isApi(p))
                .filter(p -> run.timeSeries().column(p.name() + ".replicas") >= 0).toList();
    }

    /** A column as a series; {@code perSecond} divides each count by its interval's length. */
    private static XYSeries series(String name, TimeSeries ts, TimeAxis time, String column, boolean perSecond) {
        XYSeries s = new XYSeries(name, false, false);
        int c = ts.column(column);
        for (int r = 0; r < ts.rows().size(); r++) {
            double v = c >= 0 ? ts.rows().get(r)[c] : Double.NaN;
            s.add(time.x(r), perSecond ? v / time.length(r) : v);
        }
        return s;
    }

    private static NumberAxis percentAxis(String label) {
        NumberAxis axis = ChartAxes.number(label);
        axis.setRange(0, 105);
        return axis;
    }

    private static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultStroke(ChartStyle.LINE);
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    private static Color translucent(java.awt.Paint paint) {
        Color c = (Color) paint;
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 80);
    }
}
