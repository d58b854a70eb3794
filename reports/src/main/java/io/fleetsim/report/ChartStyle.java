package io.fleetsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every chart fleetsim draws: white background, light grid, the page's font, and
 * a palette that stays distinguishable for colour-blind readers (Paul Tol's "bright" scheme).
 */
public final class ChartStyle {

    /** Colours for series, in order of use. */
    private static final Color[] PALETTE = {new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833),
        new Color(0xCCBB44), new Color(0x66CCEE), new Color(0xAA3377), new Color(0x555555)};

    /** The colour for "all routes" and other totals. */
    public static final Color TOTAL = new Color(0x333333);
    /** The colour of the idle part of a cost. */
    public static final Color IDLE = new Color(0xBBBBBB);
    /** Lines of series. */
    public static final Stroke LINE = new BasicStroke(2f);
    /** Dashed lines: totals, targets. */
    public static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(0xDDDDDD);

    private ChartStyle() {
    }

    /** The colour of the {@code index}-th series. */
    public static Paint color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** A chart around {@code plot} with fleetsim's look; the legend sits below the plot. */
    public static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.setPadding(new RectangleInsets(6, 6, 6, 22));
        TextTitle t = chart.getTitle();
        t.setPaint(TOTAL);
        LegendTitle legend = chart.getLegend();
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(LABEL);
        legend.setPosition(RectangleEdge.BOTTOM);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                styleAxis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                styleAxis(xy.getRangeAxis(i));
                if (i > 0 && xy.getRangeAxis(i) != null) {
                    // a second value axis in italics, so that it does not read as the first one's scale
                    xy.getRangeAxis(i).setLabelFont(LABEL.deriveFont(Font.ITALIC));
                    xy.getRangeAxis(i).setTickLabelFont(TICK.deriveFont(Font.ITALIC));
                }
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(1f));
            styleAxis(cat.getDomainAxis());
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                styleAxis(cat.getRangeAxis(i));
            }
        }
        return chart;
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(TOTAL);
        axis.setTickLabelPaint(TOTAL);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
    }
}
