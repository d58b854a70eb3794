package io.fleetsim.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Values sampled at a fixed interval over a run: one row per interval, one named column per
 * quantity. Rows are few (a day sampled per minute is 1,440 rows), whatever the traffic.
 *
 * @param intervalSeconds time between samples
 * @param columns         column names, the first being {@code t_start_s}
 * @param rows            one array per interval, in column order
 */
public record TimeSeries(double intervalSeconds, List<String> columns, List<double[]> rows) {

    public TimeSeries {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Equal when interval, columns and every value are equal (rows compared by content). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TimeSeries t) || t.intervalSeconds != intervalSeconds || !t.columns.equals(columns)
                || t.rows.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!Arrays.equals(rows.get(i), t.rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = columns.hashCode();
        for (double[] row : rows) {
            h = 31 * h + Arrays.hashCode(row);
        }
        return h;
    }

    /** Index of a column, or -1. */
    public int column(String name) {
        return columns.indexOf(name);
    }

    /** All values of one column. */
    public double[] values(String name) {
        int c = column(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
