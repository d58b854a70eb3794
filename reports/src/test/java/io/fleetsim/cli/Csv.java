package io.fleetsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A strict reader of the CSV files fleetsim writes (RFC 4180, {@code \n} line ends), for tests. */
record Csv(List<String> header, List<List<String>> rows) {

    static Csv read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file));
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).size() != records.get(0).size()) {
                throw new IllegalArgumentException(file + ": row " + i + " has " + records.get(i).size()
                        + " fields, header " + records.get(0).size());
            }
        }
        return new Csv(records.get(0), records.subList(1, records.size()));
    }

    /** The values of the column named {@code name}. */
    List<String> column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return rows.stream().map(r -> r.get(c)).toList();
    }

    private static List<List<String>> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("CSV does not end in a newline");
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        return records;
    }
}
