package io.fleetsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Table} as aligned plain text for the terminal: labels as headers, numbers
 * right-aligned, two spaces between columns. Text cells longer than {@link #MAX_TEXT_WIDTH} are
 * cut with {@code ~} so that a long pool or route name cannot push the table past 100 columns.
 */
public final class TextTableRenderer {

    /** Widest a text cell is shown. */
    public static final int MAX_TEXT_WIDTH = 20;

    private static final String GAP = "  ";

    private TextTableRenderer() {
    }

    /** The table as lines of text, each ending in a newline. */
    public static String render(Table table) {
        List<Column> columns = table.columns();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[columns.size()];
        for (int c = 0; c < header.length; c++) {
            header[c] = columns.get(c).label();
        }
        cells.add(header);
        for (List<Object> row : table.rows()) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < line.length; c++) {
                line[c] = fit(columns.get(c).format().display(row.get(c)), columns.get(c).format());
            }
            cells.add(line);
        }
        int[] widths = new int[columns.size()];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    sb.append(GAP);
                }
                String pad = " ".repeat(widths[c] - line[c].length());
                sb.append(columns.get(c).format().rightAligned() ? pad + line[c] : line[c] + pad);
            }
            out.append(sb.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String fit(String text, ValueFormat format) {
        if (format != ValueFormat.TEXT || text.length() <= MAX_TEXT_WIDTH) {
            return text;
        }
        return text.substring(0, MAX_TEXT_WIDTH - 1) + "~";
    }
}
