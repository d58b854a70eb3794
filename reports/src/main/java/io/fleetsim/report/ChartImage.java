package io.fleetsim.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart drawn as SVG, embedded in a page inline (its text selectable, sharp at any zoom, and the
 * page one self-contained file), and as PNG for files meant for slides, drawn only when asked for
 * (a run's page needs none, and rasterizing and encoding was a good part of writing it). Neither
 * carries a time stamp: the SVG's internal ids start from the chart's id, so the same chart gives
 * the same bytes.
 */
public final class ChartImage {

    static {
        // Rotated labels (vertical axes) drawn as text, not as glyph outlines: JFreeChart's
        // workaround for old JDKs lays them out as shapes, which an SVG can neither select nor search.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final String id;
    private final String alt;
    private final int width;
    private final int height;
    private final JFreeChart chart;
    private final String svg;

    private ChartImage(String id, String alt, int width, int height, JFreeChart chart, String svg) {
        this.id = id;
        this.alt = alt;
        this.width = width;
        this.height = height;
        this.chart = chart;
        this.svg = svg;
    }

    /** Draws {@code chart} at {@code width} x {@code height} pixels. */
    public static ChartImage of(String id, String alt, JFreeChart chart, int width, int height) {
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // JFreeSVG's default prefix of internal ids is a clock reading
        svg.setDefsKeyPrefix(id + "-");
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        return new ChartImage(id, alt, width, height, chart,
                svg.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null));
    }

    /**
     * Draws a throw-away styled chart, so that the first real one finds Java2D's fonts and the
     * chart classes loaded and initialized: a run starts this on a spare core while it simulates.
     * It shares nothing with the charts drawn later, whose bytes it leaves as they are.
     */
    public static void warmUp() {
        XYSeries series = new XYSeries("warm-up");
        series.add(0, 0);
        series.add(1, 1);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), ChartAxes.number("x"), ChartAxes.number("y"),
                new XYLineAndShapeRenderer(true, false));
        of("warm-up", "warm-up", ChartStyle.chart("warm-up", plot), 120, 80);
    }

    /** Element id in the page. */
    public String id() {
        return id;
    }

    /** Text alternative, also the tooltip. */
    public String alt() {
        return alt;
    }

    /** Width in CSS pixels. */
    public int width() {
        return width;
    }

    /** Height in CSS pixels. */
    public int height() {
        return height;
    }

    /** The image as an SVG element. */
    public String svg() {
        return svg;
    }

    /** The image as PNG, drawn now. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The inline {@code <svg>} element of the chart, with its text alternative as title. */
    public String html() {
        String open = svg.substring(0, svg.indexOf('>') + 1);
        String rest = svg.substring(open.length());
        return open.replaceFirst("<svg ", "<svg class=\"chart\" role=\"img\" aria-label=\"" + Html.escape(alt) + "\" ")
                + "<title>" + Html.escape(alt) + "</title>" + rest;
    }
}
