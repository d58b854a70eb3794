package io.fleetsim.report;

/**
 * A self-contained HTML page: one file with its style sheet inline and its charts embedded, that
 * opens in any browser without a network. Text passed as text is escaped; fragments passed as
 * HTML must have been built from escaped text ({@link Html}, {@link HtmlTableRenderer},
 * {@link ChartImage}).
 */
public final class HtmlPage {

    /** Width in CSS pixels of a chart across the page. */
    public static final int FULL_WIDTH = 1080;
    /** Width in CSS pixels of a chart in one of two columns. */
    public static final int HALF_WIDTH = 530;

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222;
                   margin: 0; background: #f4f5f7; }
            main { max-width: 1100px; margin: 0 auto; padding: 20px 10px 40px; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
            p, li { font-size: 14px; line-height: 1.45; }
            .meta { color: #555; font-size: 13px; margin: 2px 0; }
            .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 6px; }
            .card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px;
                    flex: 1 1 110px; }
            .card .value { font-size: 22px; font-weight: bold; }
            .card .label { font-size: 12px; color: #555; }
            .verdict { background: #fff; border-left: 4px solid #4477AA; padding: 10px 14px; font-size: 15px; }
            .warn { background: #fff8e1; border-left: 4px solid #CCBB44; padding: 8px 14px; font-size: 14px; }
            .row { display: flex; flex-wrap: wrap; gap: 20px; }
            img.chart, svg.chart { background: #fff; border: 1px solid #ddd; max-width: 100%; height: auto; display: block; }
            figure { margin: 0 0 16px; }
            table { border-collapse: collapse; background: #fff; font-size: 13px; margin: 6px 0 16px; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; white-space: nowrap; }
            th { background: #eef0f3; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            .scroll { overflow-x: auto; }
            dt { font-weight: bold; font-size: 14px; margin-top: 6px; }
            dd { margin: 2px 0 0 18px; font-size: 14px; }
            footer { color: #777; font-size: 12px; margin-top: 30px; }
            @media print {
              /* paper does not scroll: wide tables wrap their cells so that no column is cut off */
              .scroll { overflow: visible; }
              table { width: 100%; font-size: 9px; }
              th, td { white-space: normal; padding: 2px 4px; }
              svg.chart, img.chart, table { break-inside: avoid; }
            }
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder();

    /** A page whose title (tab and heading) is {@code title}. */
    public HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    }

    /** A line of small grey text under the heading. */
    public HtmlPage meta(String text) {
        body.append("<p class=\"meta\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** Headline figures in boxes: pairs of (value, label). */
    public HtmlPage cards(String... valueLabelPairs) {
        body.append("<div class=\"cards\">\n");
        for (int i = 0; i + 1 < valueLabelPairs.length; i += 2) {
            body.append("<div class=\"card\"><div class=\"value\">").append(Html.escape(valueLabelPairs[i]))
                    .append("</div><div class=\"label\">").append(Html.escape(valueLabelPairs[i + 1]))
                    .append("</div></div>\n");
        }
        body.append("</div>\n");
        return this;
    }

    /** A section heading. */
    public HtmlPage section(String heading) {
        body.append("<h2>").append(Html.escape(heading)).append("</h2>\n");
        return this;
    }

    /** A paragraph of text. */
    public HtmlPage paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** A highlighted paragraph ({@code cssClass} {@code verdict} or {@code warn}). */
    public HtmlPage callout(String cssClass, String text) {
        body.append("<p class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** Charts side by side, wrapping on narrow screens. */
    public HtmlPage charts(ChartImage... images) {
        body.append("<div class=\"row\">\n");
        for (ChartImage image : images) {
            body.append("<figure>").append(image.html()).append("</figure>\n");
        }
        body.append("</div>\n");
        return this;
    }

    /** A table, scrolling sideways rather than overflowing the page. */
    public HtmlPage table(Table table, String id) {
        body.append("<div class=\"scroll\">\n").append(HtmlTableRenderer.render(table, id)).append("</div>\n");
        return this;
    }

    /** Terms and their definitions. */
    public HtmlPage definitions(String... termDefinitionPairs) {
        body.append("<dl>\n");
        for (int i = 0; i + 1 < termDefinitionPairs.length; i += 2) {
            body.append("<dt>").append(Html.escape(termDefinitionPairs[i])).append("</dt><dd>")
                    .append(Html.escape(termDefinitionPairs[i + 1])).append("</dd>\n");
        }
        body.append("</dl>\n");
        return this;
    }

    /** A link list: pairs of (href, text). */
    public HtmlPage links(String... hrefTextPairs) {
        body.append("<ul>\n");
        for (int i = 0; i + 1 < hrefTextPairs.length; i += 2) {
            body.append("<li><a href=\"").append(Html.escape(hrefTextPairs[i])).append("\">")
                    .append(Html.escape(hrefTextPairs[i + 1])).append("</a></li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** The closing line of the page. */
    public HtmlPage footer(String text) {
        body.append("<footer>").append(Html.escape(text)).append("</footer>\n");
        return this;
    }

    /** The whole page. */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
