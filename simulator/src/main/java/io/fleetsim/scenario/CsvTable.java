package io.fleetsim.scenario;

import io.fleetsim.input.CsvRows;
import io.fleetsim.input.DataFile;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.LengthSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CSV data file held as text cells: a header row naming the columns, then one data row per
 * line. Cells are converted only when their column is asked for, and a bad cell is an error
 * naming the file, its line, the data row and the column. Fields may be quoted ({@code "a,b"},
 * with {@code ""} for a quote inside, line breaks allowed); read by {@link CsvRows}.
 */
final class CsvTable {

    /** A decimal number; stricter than {@link Double#parseDouble}, which also takes "12d" or hex. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final DataFile file;
    private final List<String> header;
    private final List<String[]> rows;
    private final List<Integer> lines;

    private CsvTable(DataFile file, List<String> header, List<String[]> rows, List<Integer> lines) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    /** Reads the CSV file named by {@code fileField}; an empty file or a malformed row is an error. */
    static CsvTable read(SpecNode fileField) {
        DataFile file = fileField.dataFile();
        List<CsvRows.Row> text;
        try {
            text = CsvRows.readAll(file.path(), file.displayName());
        } catch (ScenarioException e) {
            // the file's own problems are told where the scenario names it
            throw e.line() > 0 ? e : fileField.error(file.displayName() + ": " + e.problem());
        }
        if (text.isEmpty()) {
            throw fileField.error(file.displayName() + " is empty; expected a header row naming the columns, "
                    + "then one row per request");
        }
        List<String> header = text.get(0).fields();
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (name.isBlank() || !seen.add(name)) {
                throw new ScenarioException(file.displayName(), 1, "",
                        "the header row must name each column once (got " + String.join(",", header) + ")");
            }
        }
        if (text.size() == 1) {
            throw fileField.error(file.displayName() + " has a header row but no data rows");
        }
        List<String[]> rows = new ArrayList<>(text.size() - 1);
        List<Integer> lines = new ArrayList<>(text.size() - 1);
        for (int i = 1; i < text.size(); i++) {
            CsvRows.Row row = text.get(i);
            if (row.blank()) {
                throw new ScenarioException(file.displayName(), row.line(), "", "row " + i + " is empty");
            }
            if (row.size() != header.size()) {
                throw new ScenarioException(file.displayName(), row.line(), "", "row " + i + " has " + row.size()
                        + " fields; the header has " + header.size() + " (" + String.join(", ", header) + ")");
            }
            rows.add(row.fields().toArray(String[]::new));
            lines.add(row.line());
        }
        return new CsvTable(file, header, rows, lines);
    }

    /** The file, for describing where values came from. */
    DataFile file() {
        return file;
    }

    /** Number of data rows, at least 1. */
    int rowCount() {
        return rows.size();
    }

    /**
     * The column named by {@code columnField} as token counts: whole numbers (written {@code 12}
     * or {@code 12.0}) from 1 to {@link LengthSpec#MAX_TOKENS}.
     */
    int[] tokens(SpecNode columnField) {
        int column = columnIndex(columnField);
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            String cell = rows.get(r)[column].strip();
            double value = parse(cell, r, column);
            if (value != Math.rint(value) || value < 1 || value > LengthSpec.MAX_TOKENS) {
                throw cellError(r, column, "must be a whole number from 1 to " + LengthSpec.MAX_TOKENS, cell);
            }
            out[r] = (int) value;
        }
        return out;
    }

    /** The column named by {@code columnField} as weights: numbers >= 0 that do not sum to 0. */
    double[] weights(SpecNode columnField) {
        int column = columnIndex(columnField);
        double[] out = new double[rows.size()];
        double total = 0;
        for (int r = 0; r < out.length; r++) {
            String cell = rows.get(r)[column].strip();
            double value = parse(cell, r, column);
            if (!(value >= 0)) {
                throw cellError(r, column, "must be a number >= 0", cell);
            }
            out[r] = value;
            total += value;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw columnField.error("the weights in column '" + header.get(column) + "' of " + file.displayName()
                    + " must have a finite total > 0");
        }
        return out;
    }

    private int columnIndex(SpecNode columnField) {
        String name = columnField.text();
        int column = header.indexOf(name);
        if (column < 0) {
            throw columnField.error("no column '" + name + "' in " + file.displayName() + "; its columns are: "
                    + String.join(", ", header));
        }
        return column;
    }

    private double parse(String cell, int row, int column) {
        double value = NUMBER.matcher(cell).matches() ? Double.parseDouble(cell) : Double.NaN;
        if (!Double.isFinite(value)) {
            throw cellError(row, column, "must be a number", cell);
        }
        return value;
    }

    private ScenarioException cellError(int row, int column, String problem, String cell) {
        return new ScenarioException(file.displayName(), lines.get(row), "",
                "row " + (row + 1) + ", column " + header.get(column) + ": " + problem + " (got \"" + cell + "\")");
    }
}
