package io.fleetsim.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
            Header header = null;
            int lineNo = 0;
            List<Row> rows = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (isComment(line)) {
                    continue;
                }
                if (header == null) {
                    header = Header.of(line);
                    continue;
                }
                rows.add(header.row(line, name, lineNo));
            }
            if (header == null) {
                throw new IllegalStateException(name + ": no header line");
            }
            return new WideCsv(header.keys(), header.axisName(), header.axis(), List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code line} is blank or a comment, neither header nor row. */
    static boolean isComment(String line) {
        return line.isBlank() || line.startsWith("#");
    }

    /**
     * The header line of a table: what its rows are parsed against.
     *
     * @param keys     key column names
     * @param axisName name of the dimension across the columns
     * @param axis     its values
     */
    record Header(List<String> keys, String axisName, double[] axis) {

        static Header of(String line) {
            List<String> keys = new ArrayList<>();
            String axisName = null;
            List<Double> values = new ArrayList<>();
            for (String h : line.split(",", -1)) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    keys.add(h);
                } else {
                    axisName = h.substring(0, colon);
                    values.add(Double.parseDouble(h.substring(colon + 1)));
                }
            }
            return new Header(List.copyOf(keys), axisName, values.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /**
         * Row {@code line} (line {@code lineNo} of {@code name}), cut at commas by hand: the tables
         * are read at every start of a run, so no regular expression and no array of all fields.
         */
        Row row(String line, String name, int lineNo) {
            int fields = keys.size() + axis.length;
            String[] key = new String[keys.size()];
            double[] v = new double[axis.length];
            int start = 0;
            int field = 0;
            int length = line.length();
            while (start <= length) {
                int end = line.indexOf(',', start);
                if (end < 0) {
                    end = length;
                }
                if (field < key.length) {
                    key[field] = line.substring(start, end);
                } else if (field < fields) {
                    v[field - key.length] = end == start ? Double.NaN : Double.parseDouble(line.substring(start, end));
                }
                field++;
                start = end + 1;
            }
            if (field != fields) {
                throw new IllegalStateException(name + " line " + lineNo + ": " + field + " fields, header has "
                        + fields);
            }
            return new Row(List.of(key), v);
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
