package io.fleetsim.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The value axes of fleetsim's charts, and the number formats on them. Every number a chart writes
 * uses {@link Locale#ROOT} (a thousand is "1,000" in every locale; JFreeChart's own formats follow
 * the JVM's default locale); counts get whole-number ticks; log axes tick at 1, 2 and 5 of each
 * decade, or at decades only when they span many.
 */
public final class ChartAxes {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
    /** A log axis spanning more decades than this ticks at decades only. */
    private static final double MAX_DECADES_FOR_1_2_5 = 3.5;

    private ChartAxes() {
    }

    /** A number format for chart labels, e.g. {@code "$#,##0.##"}, independent of the default locale. */
    public static NumberFormat format(String pattern) {
        return new DecimalFormat(pattern, SYMBOLS);
    }

    /** An axis of measured quantities (seconds, dollars, shares) with tick sizes chosen by JFreeChart. */
    public static NumberAxis number(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(standardTicks());
        return axis;
    }

    /** An axis of things counted (replicas, requests, tokens): ticks at whole numbers only. */
    public static NumberAxis count(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setNumberFormatOverride(format("#,##0"));
        return axis;
    }

    /** A base-10 log axis ticking at 1-2-5 steps of each decade (decades only over a wide range). */
    public static LogAxis log(String label) {
        return new OneTwoFiveLogAxis(label);
    }

    private static TickUnitSource standardTicks() {
        return NumberAxis.createStandardTickUnits(Locale.ROOT);
    }

    /** The tick values of a log axis from {@code lo} to {@code hi}: 1-2-5 per decade, or decades alone. */
    static List<Double> logTicks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return out;
        }
        boolean decadesOnly = Math.log10(hi / lo) > MAX_DECADES_FOR_1_2_5;
        int[] steps = decadesOnly ? new int[] {1} : new int[] {1, 2, 5};
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int step : steps) {
                // parse the decimal text so that 0.2 is the double nearest 0.2, not 2 * 0.1
                double v = Double.parseDouble(step + "e" + e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** A {@link LogAxis} whose ticks are {@link #logTicks}, labelled with the axis' number format. */
    private static final class OneTwoFiveLogAxis extends LogAxis {

        OneTwoFiveLogAxis(String label) {
            super(label);
            setBase(10);
            setNumberFormatOverride(format("#,##0.###"));
        }

        @Override
        protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        }

        @Override
        protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        }

        private List<NumberTick> ticks(TextAnchor anchor) {
            List<NumberTick> out = new ArrayList<>();
            for (double v : logTicks(getLowerBound(), getUpperBound())) {
                out.add(new NumberTick(TickType.MAJOR, v, getNumberFormatOverride().format(v), anchor,
                        TextAnchor.CENTER, 0.0));
            }
            return out;
        }
    }
}
