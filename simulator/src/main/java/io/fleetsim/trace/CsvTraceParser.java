package io.fleetsim.trace;

import io.fleetsim.input.CsvRows;
import io.fleetsim.input.ScenarioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV trace, streaming: a header row naming the columns, then one request per row. Fields
 * may be double-quoted (a doubled quote is a literal quote, line breaks allowed; {@link CsvRows}).
 * Blank lines are skipped. Errors name the file, its line, the data row (from 1, after the header) and the
 * column.
 */
final class CsvTraceParser {

    private CsvTraceParser() {
    }

    static Trace parse(BufferedReader in, String source, TraceFormat.Csv format) throws IOException {
        CsvColumns columns = format.columns();
        try (CsvRows csv = CsvRows.open(in, source)) {
            CsvRows.Row header = csv.next();
            if (header == null || header.blank()) {
                throw new ScenarioException(source, 0, "", "the trace is empty (expected a header row naming the "
                        + "columns)");
            }
            List<String> names = trimmed(header);
            int time = column(names, columns.timestamp(), source);
            int prompt = column(names, columns.promptTokens(), source);
            int output = column(names, columns.outputTokens(), source);
            TraceBuilder trace = new TraceBuilder(source, format, columns.timestampUnit().isClockTime(), false);
            int row = 0;
            for (CsvRows.Row r = csv.next(); r != null; r = csv.next()) {
                if (r.blank()) {
                    continue;
                }
                row++;
                int line = r.line();
                List<String> fields = trimmed(r);
                if (fields.size() != names.size()) {
                    throw new ScenarioException(source, line, "", "row " + row + ": has " + fields.size()
                            + " fields, the header has " + names.size());
                }
                long nanos;
                try {
                    nanos = columns.timestampUnit().toNanos(fields.get(time));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException(source, line, "", "row " + row + ", column " + columns.timestamp()
                            + ": " + e.getMessage());
                }
                trace.add(nanos, tokens(fields.get(prompt), source, line, row, columns.promptTokens()),
                        tokens(fields.get(output), source, line, row, columns.outputTokens()), null);
            }
            return trace.build();
        }
    }

    private static int column(List<String> names, String wanted, String source) {
        int i = names.indexOf(wanted);
        if (i < 0) {
            throw new ScenarioException(source, 1, "", "no column '" + wanted + "'; the header has: "
                    + String.join(", ", names));
        }
        return i;
    }

    private static int tokens(String text, String source, int line, int row, String column) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException(source, line, "", "row " + row + ", column " + column
                + ": must be a whole number of tokens >= 0 (got \"" + text + "\")");
    }

    /** The fields of {@code row}, trimmed. */
    private static List<String> trimmed(CsvRows.Row row) {
        List<String> out = new ArrayList<>(row.size());
        row.fields().forEach(f -> out.add(f.trim()));
        return out;
    }
}
