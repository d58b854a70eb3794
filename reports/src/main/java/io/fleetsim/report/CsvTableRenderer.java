package io.fleetsim.report;

import java.util.List;

/**
 * Renders a {@link Table} as CSV (RFC 4180, {@code \n} line ends) for spreadsheets: the column
 * keys as header, machine-formatted values, a field quoted only when it holds a comma, quote or
 * line break. Text that a spreadsheet would run as a formula (a name starting with {@code = + - @},
 * tab or carriage return, e.g. a pool called {@code =HYPERLINK(...)}) gets a leading {@code '},
 * as OWASP advises against CSV injection; numbers, negative ones included, are written as they are.
 */
public final class CsvTableRenderer {

    private CsvTableRenderer() {
    }

    /** The table as CSV text, header first, ending in a newline. */
    public static String render(Table table) {
        List<Column> columns = table.columns();
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            out.append(c == 0 ? "" : ",").append(field(inert(columns.get(c).key())));
        }
        out.append('\n');
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                ValueFormat format = columns.get(c).format();
                String text = format.machine(row.get(c));
                out.append(c == 0 ? "" : ",").append(field(format == ValueFormat.TEXT ? inert(text) : text));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code text}, with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
