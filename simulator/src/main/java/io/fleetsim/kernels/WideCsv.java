package io.fleetsim.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The shipped table format: one line per shape without its last dimension, that dimension's
 * measured values across the columns. The header names the key columns, then one column per grid
 * value written {@code axis:value}; cells hold latencies in microseconds, empty where not
 * measured. Lines starting with {@code #} are comments.
 *
 * @param keys      key column names
 * @param axisName  name of the dimension across the columns
 * @param axis      its values, ascending
 * @param rows      the lines
 */
public record WideCsv(List<String> keys, String axisName, double[] axis, List<Row> rows) {

    /**
     * One line.
     *
     * @param key           key column values as written
     * @param microseconds  one latency per grid value, NaN where not measured
     */
    public record Row(List<String> key, double[] microseconds) {
    }

    /** Reads a table; {@code name} is used in error messages. */
    public static WideCsv read(BufferedReader in, String name) {
        try {
            String line;
            String header = null;
            int lineNo = 0;
            List<Row> rows = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            String axisName = null;
            double[] axis = null;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (header == null) {
                    header = line;
                    List<Double> values = new ArrayList<>();
                    for (String h : f) {
                        int colon = h.indexOf(':');
                        if (colon < 0) {
                            keys.add(h);
                        } else {
                            axisName = h.substring(0, colon);
                            values.add(Double.parseDouble(h.substring(colon + 1)));
                        }
                    }
                    axis = values.stream().mapToDouble(Double::doubleValue).toArray();
                    continue;
                }
                if (f.length != keys.size() + axis.length) {
                    throw new IllegalStateException(name + " line " + lineNo + ": " + f.length + " fields, header has "
                            + (keys.size() + axis.length));
                }
                double[] v = new double[axis.length];
                for (int i = 0; i < v.length; i++) {
                    String cell = f[keys.size() + i];
                    v[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                }
                rows.add(new Row(List.of(Arrays.copyOf(f, keys.size())), v));
            }
            if (header == null) {
                throw new IllegalStateException(name + ": no header line");
            }
            return new WideCsv(List.copyOf(keys), axisName, axis, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as text, after {@code comment} lines (each prefixed with {@code # }). */
    public String text(List<String> comment) {
        StringBuilder sb = new StringBuilder();
        comment.forEach(c -> sb.append("# ").append(c).append('\n'));
        sb.append(String.join(",", keys));
        for (double a : axis) {
            sb.append(',').append(axisName).append(':').append(number(a));
        }
        sb.append('\n');
        for (Row r : rows) {
            sb.append(String.join(",", r.key()));
            for (double v : r.microseconds()) {
                sb.append(',');
                if (!Double.isNaN(v)) {
                    sb.append(number(v));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Four significant digits, no exponent for grid values, locale-independent. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** Index of key column {@code name}. */
    public int keyIndex(String name) {
        int i = keys.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("no column " + name + " in " + keys);
        }
        return i;
    }
}
