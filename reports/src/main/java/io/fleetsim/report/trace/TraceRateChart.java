package io.fleetsim.report.trace;

import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.ChartAxes;
import io.fleetsim.report.ChartImage;
import io.fleetsim.report.ChartStyle;
import io.fleetsim.trace.RateSeries;
import io.fleetsim.trace.Trace;
import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG chart of a trace's arrival rate over time: thin per-second steps under bold per-minute
 * steps, in fleetsim's chart style. The time axis is in minutes up to three hours, hours beyond.
 */
public final class TraceRateChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 500;
    private static final double HOURS_AXIS_ABOVE_SECONDS = 3 * 3600;

    private TraceRateChart() {
    }

    /** Writes the chart of {@code trace} to {@code target}, atomically. */
    public static void write(Trace trace, RateSeries perSecond, RateSeries perMinute, Path target)
            throws IOException {
        double unit = trace.spanSeconds() > HOURS_AXIS_ABOVE_SECONDS ? 3600 : 60;
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(steps("per second", perSecond, unit));
        data.addSeries(steps("per minute", perMinute, unit));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, ChartStyle.color(4));
        renderer.setSeriesStroke(0, new BasicStroke(0.7f));
        renderer.setSeriesPaint(1, ChartStyle.color(1));
        renderer.setSeriesStroke(1, ChartStyle.LINE);
        NumberAxis time = ChartAxes.number(unit == 3600 ? "hours since the first arrival"
                : "minutes since the first arrival");
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        XYPlot plot = new XYPlot(data, time, ChartAxes.number("arrivals per second"), renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);   // per minute on top
        JFreeChart chart = ChartStyle.chart("Arrival rate of " + trace.describe(), plot);
        AtomicFiles.writeBytes(target, ChartImage.of("rate", "arrival rate over time", chart, WIDTH, HEIGHT).png());
    }

    /** Each bin drawn as a step: its rate from its start to its end. */
    private static XYSeries steps(String name, RateSeries rates, double unit) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < rates.size(); i++) {
            s.add(i * rates.binSeconds() / unit, rates.rate(i));
            s.add((i + 1) * rates.binSeconds() / unit, rates.rate(i));
        }
        return s;
    }
}
