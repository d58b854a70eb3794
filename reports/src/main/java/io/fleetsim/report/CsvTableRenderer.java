package io.fleetsim.report;

import java.util.List;

/**
 * Renders a {@link Table} as CSV (RFC 4180, {@code \n} line ends) for spreadsheets: the column
 * keys as header, machine-formatted values, a field quoted only when it holds a comma, quote or
 * line break.
 */
public final class CsvTableRenderer {

    private CsvTableRenderer() {
    }

    /** The table as CSV text, header first, ending in a newline. */
    public static String render(Table table) {
        List<Column> columns = table.columns();
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            out.append(c == 0 ? "" : ",").append(field(columns.get(c).key()));
        }
        out.append('\n');
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                out.append(c == 0 ? "" : ",").append(field(columns.get(c).format().machine(row.get(c))));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
