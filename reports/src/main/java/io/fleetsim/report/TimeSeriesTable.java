package io.fleetsim.report;

import io.fleetsim.metrics.TimeSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@link TimeSeries} as a {@link Table}, for {@code timeseries.csv}: one row per sample,
 * whatever columns the series has, in its order and under its names.
 */
public final class TimeSeriesTable {

    private TimeSeriesTable() {
    }

    /** The series as a table of plain numbers. */
    public static Table of(TimeSeries series) {
        List<Column> columns = series.columns().stream().map(c -> Column.of(c, ValueFormat.DECIMAL)).toList();
        Table t = new Table(columns);
        for (double[] row : series.rows()) {
            List<Object> values = new ArrayList<>(row.length);
            for (double v : row) {
                values.add(v);
            }
            t.addRow(values);
        }
        return t;
    }
}
