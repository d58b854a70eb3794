package io.fleetsim.scenario;

import java.util.ArrayList;
import java.util.List;

/** One line of a comma-separated file: its fields, with RFC 4180 double quotes honoured. */
public final class CsvLine {

    private CsvLine() {
    }

    /**
     * The fields of {@code line}, unquoted but not trimmed; null when a quote is left open.
     */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            fields.addAll(List.of(line.split(",", -1)));
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    /** {@code line} without a leading UTF-8 byte order mark. */
    public static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
