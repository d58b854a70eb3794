package io.fleetsim.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * A chart drawn into a PNG and embedded in a page as a {@code data:} URI, so that the page is one
 * self-contained file. The PNG carries no time stamp or other metadata: the same chart gives the
 * same bytes.
 *
 * @param id     element id in the page
 * @param alt    text alternative, also the tooltip
 * @param width  width in CSS pixels
 * @param height height in CSS pixels
 * @param png    the image
 */
public record ChartImage(String id, String alt, int width, int height, byte[] png) {

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
        return new ChartImage(id, alt, width, height, bytes.toByteArray());
    }

    /** The {@code <img>} element holding the image. */
    public String html() {
        return "<img id=\"" + Html.escape(id) + "\" class=\"chart\" width=\"" + width + "\" height=\"" + height
                + "\" alt=\"" + Html.escape(alt) + "\" title=\"" + Html.escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">";
    }
}
