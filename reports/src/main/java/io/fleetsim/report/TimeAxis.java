package io.fleetsim.report;

import io.fleetsim.metrics.TimeSeries;
import org.jfree.chart.axis.NumberAxis;

/**
 * The time axis of charts over a run: minutes for runs up to three hours, hours beyond. Each row
 * of a {@link TimeSeries} is drawn at the end of its interval, when its gauges (queue, replicas)
 * were read and its counts (arrivals, completions) were complete.
 */
final class TimeAxis {

    private final TimeSeries series;
    private final double horizonSeconds;
    private final double unitSeconds;

    TimeAxis(TimeSeries series, double horizonSeconds) {
        this.series = series;
        this.horizonSeconds = horizonSeconds;
        this.unitSeconds = horizonSeconds > 3 * 3600 ? 3600 : 60;
    }

    /** Where time {@code seconds} is drawn, in axis units. */
    double atSeconds(double seconds) {
        return seconds / unitSeconds;
    }

    /** Where row {@code row} is drawn, in axis units. */
    double x(int row) {
        return (start(row) + length(row)) / unitSeconds;
    }

    /** Seconds covered by row {@code row} (the last interval may be cut short by the horizon). */
    double length(int row) {
        double start = start(row);
        return Math.max(1e-9, Math.min(series.intervalSeconds(), horizonSeconds - start));
    }

    private double start(int row) {
        int c = series.column("t_start_s");
        return c >= 0 ? series.rows().get(row)[c] : row * series.intervalSeconds();
    }

    /** The axis itself. */
    NumberAxis axis() {
        NumberAxis axis = ChartAxes.number(unitSeconds == 3600 ? "simulated time (h)" : "simulated time (min)");
        axis.setAutoRangeIncludesZero(true);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }
}
