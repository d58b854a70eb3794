package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.compare.Comparison;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** The bars of compare's charts end where their values are on the axis. */
class ComparisonChartsTest {

    /** Draws {@code chart} and returns the bars it drew, with the data area in {@code info}. */
    static List<CategoryItemEntity> bars(JFreeChart chart, ChartRenderingInfo info) {
        BufferedImage image = new BufferedImage(900, 400, BufferedImage.TYPE_INT_RGB);
        var g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 900, 400), info);
        g2.dispose();
        List<CategoryItemEntity> out = new ArrayList<>();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof CategoryItemEntity bar) {
                out.add(bar);
            }
        }
        return out;
    }

    @Test
    void sloAttainmentBarsEndAtTheirValueInsideThePlot() {
        Comparison c = StrategyRuns.comparison();
        c.strategies().forEach(s -> assertTrue(c.meetsTarget(s), s.name() + " should meet 90% in 20 minutes"));
        JFreeChart chart = ComparisonCharts.sloAttainment(c);
        ChartRenderingInfo info = new ChartRenderingInfo();
        List<CategoryItemEntity> bars = bars(chart, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        CategoryPlot plot = chart.getCategoryPlot();
        int drawn = 0;
        for (CategoryItemEntity bar : bars) {
            Number v = bar.getDataset().getValue(bar.getRowKey(), bar.getColumnKey());
            if (v == null) {
                continue;
            }
            drawn++;
            assertTrue(v.doubleValue() <= 100, "attainment is a percentage: " + v);
            double top = bar.getArea().getBounds2D().getMinY();
            double expected = plot.getRangeAxis().valueToJava2D(v.doubleValue(), area, RectangleEdge.LEFT);
            assertEquals(expected, top, 1.5, bar.getColumnKey() + ": bar top at " + v + "%");
            assertTrue(top >= area.getMinY() - 0.5, bar.getColumnKey() + " runs off the top of the plot");
        }
        assertEquals(c.strategies().size(), drawn);
        assertFalse(bars.isEmpty());
        // no tick above 100 %: the axis ends within one tick of it
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        assertTrue(axis.getUpperBound() >= 100 && axis.getUpperBound() < 100 + axis.getTickUnit().getSize(),
                "axis ends at " + axis.getUpperBound() + " with ticks every " + axis.getTickUnit().getSize());
    }
}
