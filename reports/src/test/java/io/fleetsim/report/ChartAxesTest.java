package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** Ticks a reader can read: 1-2-5 on log axes, whole numbers for counts, the same text in every locale. */
class ChartAxesTest {

    private static List<String> labels(ValueAxis axis, RectangleEdge edge) {
        var g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        Rectangle2D area = new Rectangle2D.Double(0, 0, 600, 300);
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, edge);
        g2.dispose();
        return ticks.stream().map(t -> ((ValueTick) t).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }

    @Test
    void logAxisTicksAtOneTwoFiveOfEachDecade() {
        var axis = ChartAxes.log("ms");
        axis.setRange(3, 3000);
        assertEquals(List.of("5", "10", "20", "50", "100", "200", "500", "1,000", "2,000"),
                labels(axis, RectangleEdge.BOTTOM));
    }

    @Test
    void wideLogAxisTicksAtDecades() {
        var axis = ChartAxes.log("ms");
        axis.setRange(0.05, 200_000);
        assertEquals(List.of("0.1", "1", "10", "100", "1,000", "10,000", "100,000"), labels(axis, RectangleEdge.LEFT));
    }

    @Test
    void countAxisTicksAtWholeNumbers() {
        var axis = ChartAxes.count("replicas");
        axis.setRange(0, 2.5);
        List<String> labels = labels(axis, RectangleEdge.LEFT);
        assertFalse(labels.isEmpty());
        labels.forEach(l -> assertEquals(l, l.replaceAll("[^0-9,]", ""), "not a whole number: " + l));
    }

    @Test
    void ticksReadTheSameInGerman() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            var axis = ChartAxes.number("requests");
            axis.setRange(0, 4000);
            List<String> labels = labels(axis, RectangleEdge.LEFT);
            assertTrue(labels.contains("1,000"), labels.toString());
        } finally {
            Locale.setDefault(saved);
        }
    }
}
