package io.fleetsim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A table of results built once and rendered to several media: aligned text for the terminal
 * ({@link TextTableRenderer}), CSV for spreadsheets ({@link CsvTableRenderer}) and HTML
 * ({@link HtmlTableRenderer}). Cells hold raw values (text, whole numbers, doubles; NaN or null
 * for "not available"); each column's {@link ValueFormat} decides how they are written.
 */
public final class Table {

    private final List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    /** An empty table with these columns. */
    public Table(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs a column");
        }
        this.columns = List.copyOf(columns);
    }

    /** An empty table with these columns. */
    public Table(Column... columns) {
        this(List.of(columns));
    }

    /** Appends a row: one value per column, in column order. */
    public Table addRow(Object... values) {
        return addRow(Arrays.asList(values));
    }

    /** Appends a row: one value per column, in column order. */
    public Table addRow(List<?> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + values.size() + " values for " + columns.size()
                    + " columns");
        }
        rows.add(Collections.unmodifiableList(new ArrayList<>(values)));
        return this;
    }

    /** Appends a row given by column key; columns without a value are empty. */
    public Table addRow(Map<String, ?> valuesByKey) {
        for (String key : valuesByKey.keySet()) {
            indexOf(key);
        }
        List<Object> values = new ArrayList<>();
        for (Column c : columns) {
            values.add(valuesByKey.get(c.key()));
        }
        return addRow(values);
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The rows, in the order they were added. */
    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** A table of the same rows with only the columns keyed {@code keys}, in that order. */
    public Table select(List<String> keys) {
        int[] index = keys.stream().mapToInt(this::indexOf).toArray();
        List<Column> picked = new ArrayList<>();
        for (int i : index) {
            picked.add(columns.get(i));
        }
        Table t = new Table(picked);
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (int i : index) {
                values.add(row.get(i));
            }
            t.addRow(values);
        }
        return t;
    }

    private int indexOf(String key) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }
}
