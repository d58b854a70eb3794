package io.fleetsim.report;

import java.util.List;

/**
 * Renders a {@link Table} as an HTML {@code <table>}: labels as headers, values formatted for
 * people, every piece of text escaped, numeric cells marked {@code class="num"} so the page's
 * style sheet aligns them right.
 */
public final class HtmlTableRenderer {

    private HtmlTableRenderer() {
    }

    /** The table as an HTML fragment; {@code id} becomes the element's id. */
    public static String render(Table table, String id) {
        List<Column> columns = table.columns();
        StringBuilder out = new StringBuilder();
        out.append("<table id=\"").append(Html.escape(id)).append("\">\n<thead><tr>");
        for (Column c : columns) {
            out.append(cellStart("th", c.format())).append(Html.escape(c.label())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : table.rows()) {
            out.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                ValueFormat f = columns.get(c).format();
                out.append(cellStart("td", f)).append(Html.escape(f.display(row.get(c)))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        return out.toString();
    }

    private static String cellStart(String tag, ValueFormat format) {
        return format.rightAligned() ? "<" + tag + " class=\"num\">" : "<" + tag + ">";
    }
}
