package io.fleetsim.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart drawn twice: as SVG, embedded in a page inline (its text selectable, sharp at any zoom,
 * and the page one self-contained file), and as PNG for files meant for slides. Neither carries
 * a time stamp: the SVG's internal ids start from the chart's id, so the same chart gives the
 * same bytes.
 *
 * @param id     element id in the page
 * @param alt    text alternative, also the tooltip
 * @param width  width in CSS pixels
 * @param height height in CSS pixels
 * @param png    the image as PNG
 * @param svg    the image as an SVG element
 */
public record ChartImage(String id, String alt, int width, int height, byte[] png, String svg) {

    static {
        // Rotated labels (vertical axes) drawn as text, not as glyph outlines: JFreeChart's
        // workaround for old JDKs lays them out as shapes, which an SVG can neither select nor search.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Draws {@code chart} at {@code width} x {@code height} pixels. */
    public static ChartImage of(String id, String alt, JFreeChart chart, int width, int height) {
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
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // JFreeSVG's default prefix of internal ids is a clock reading
        svg.setDefsKeyPrefix(id + "-");
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        return new ChartImage(id, alt, width, height, bytes.toByteArray(), svg.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null));
    }

    /** The inline {@code <svg>} element of the chart, with its text alternative as title. */
    public String html() {
        String open = svg.substring(0, svg.indexOf('>') + 1);
        String rest = svg.substring(open.length());
        return open.replaceFirst("<svg ", "<svg class=\"chart\" role=\"img\" aria-label=\"" + Html.escape(alt) + "\" ")
                + "<title>" + Html.escape(alt) + "</title>" + rest;
    }
}
