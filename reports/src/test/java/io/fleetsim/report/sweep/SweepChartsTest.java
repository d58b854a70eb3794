package io.fleetsim.report.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.sweep.Configuration;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.PointKey;
import io.fleetsim.sweep.PointMetrics;
import io.fleetsim.sweep.PointResult;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.Setting;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

/**
 * The sweep charts' axes stay where the metrics live: three noisy replications give 95% intervals
 * that reach below zero cost and above 100 % attainment, but no axis reads a negative cost or a
 * share above 100 %.
 */
class SweepChartsTest {

    private static final Dimension REPLICAS = new Dimension("pools[p].replicas", List.of("1", "2"));

    private static PointSummary point(String replicas, double[] totalCost, double[] slo, double reservedShare) {
        Configuration c = new Configuration(List.of(new Setting(REPLICAS.path(), replicas)));
        List<PointResult> results = new ArrayList<>();
        for (int i = 0; i < totalCost.length; i++) {
            PointMetrics m = new PointMetrics(totalCost[i] / 3, slo[i], 100, 10, totalCost[i], reservedShare, List.of(),
                    1e6);
            results.add(new PointResult(new PointKey(c.key(), i, i, "h"), c.settings(), m));
        }
        return PointSummary.of(c, results, List.of(Constraint.parse("slo_attainment>=0.9")));
    }

    private static List<PointSummary> noisy() {
        return List.of(point("1", new double[] {0.1, 0.1, 8}, new double[] {0.999, 1.0, 0.95}, 1),
                point("2", new double[] {9, 9.5, 10}, new double[] {1.0, 1.0, 0.999}, 1));
    }

    /** Draws the chart, so that its axes take their final ranges and ticks. */
    private static JFreeChart drawn(JFreeChart chart) {
        BufferedImage image = new BufferedImage(900, 560, BufferedImage.TYPE_INT_RGB);
        chart.draw(image.createGraphics(), new java.awt.Rectangle(0, 0, 900, 560));
        return chart;
    }

    @Test
    void costAxesStartAtZeroAndTheSloAxisEndsAtOneHundred() {
        List<PointSummary> points = noisy();
        assertTrue(points.get(0).estimate(io.fleetsim.sweep.Metric.TOTAL_COST_USD).lower() < 0,
                "the case needs an interval below zero");
        JFreeChart slo = drawn(SweepCharts.costVersusSlo(points, List.of(0, 1),
                List.of(Constraint.parse("slo_attainment>=0.9")), List.of(REPLICAS)));
        NumberAxis cost = (NumberAxis) slo.getXYPlot().getRangeAxis();
        NumberAxis attainment = (NumberAxis) slo.getXYPlot().getDomainAxis();
        // the first tick is at or above 0, the last at or below 100
        assertTrue(cost.getLowerBound() > -cost.getTickUnit().getSize(), "cost axis from " + cost.getLowerBound());
        assertTrue(attainment.getUpperBound() < 100 + attainment.getTickUnit().getSize(),
                "SLO axis to " + attainment.getUpperBound() + ", ticks every " + attainment.getTickUnit().getSize());
        JFreeChart share = drawn(SweepCharts.costPerTokenVersusReservedShare(points, true, List.of(REPLICAS)));
        NumberAxis unitCost = (NumberAxis) share.getXYPlot().getRangeAxis();
        assertTrue(unitCost.getLowerBound() > -unitCost.getTickUnit().getSize(),
                "unit cost axis from " + unitCost.getLowerBound());
    }
}
