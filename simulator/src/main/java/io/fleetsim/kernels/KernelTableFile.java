package io.fleetsim.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * One shipped kernel table ({@link WideCsv} format, gzipped or plain) read on first use, its rows
 * parsed one group at a time, a group being the rows of one value of the first key column (the
 * dtype). A run reads only the tables its pools' step-time models ask for and parses only their
 * dtypes: a pool of 16-bit weights parses neither the fp8 GEMMs nor, for a dense model, any MoE
 * table. Parsing a group gives the same rows, in file order, as reading the whole table. Safe to
 * share between threads.
 */
final class KernelTableFile {

    /** A group's unparsed lines with their line numbers (for error messages). */
    private record Lines(List<String> lines, List<Integer> numbers) {
    }

    /** The file's header and unparsed groups, once read. */
    private record Content(WideCsv.Header header, Map<String, Lines> groups) {
    }

    private final String resource;
    private volatile Content content;
    private final Map<String, List<WideCsv.Row>> parsed = new ConcurrentHashMap<>();

    private KernelTableFile(String resource) {
        this.resource = resource;
    }

    /** Table {@code stem} of the folder {@code base} in the jar, gzipped or plain; null when neither ships. */
    static KernelTableFile find(String base, String stem) {
        ClassLoader loader = KernelTableFile.class.getClassLoader();
        for (String name : new String[]{base + stem + ".csv.gz", base + stem + ".csv"}) {
            if (loader.getResource(name) != null) {
                return new KernelTableFile(name);
            }
        }
        return null;
    }

    /** The header: key columns and the axis across the columns. */
    WideCsv.Header header() {
        return content().header();
    }

    /** The values of the first key column, in file order. */
    Set<String> groups() {
        return content().groups().keySet();
    }

    /** The rows whose first key column is {@code group}, in file order; empty when there are none. */
    List<WideCsv.Row> rows(String group) {
        List<WideCsv.Row> rows = parsed.get(group);
        return rows != null ? rows : parsed.computeIfAbsent(group, this::parse);
    }

    /** All rows, group by group. */
    List<WideCsv.Row> rows() {
        List<WideCsv.Row> out = new ArrayList<>();
        groups().forEach(g -> out.addAll(rows(g)));
        return out;
    }

    private List<WideCsv.Row> parse(String group) {
        Content c = content();
        Lines lines = c.groups().get(group);
        if (lines == null) {
            return List.of();
        }
        List<WideCsv.Row> out = new ArrayList<>(lines.lines().size());
        for (int i = 0; i < lines.lines().size(); i++) {
            out.add(c.header().row(lines.lines().get(i), resource, lines.numbers().get(i)));
        }
        return List.copyOf(out);
    }

    private Content content() {
        Content c = content;
        if (c == null) {
            synchronized (this) {
                c = content;
                if (c == null) {
                    c = read();
                    content = c;
                }
            }
        }
        return c;
    }

    private Content read() {
        String text;
        try (InputStream raw = KernelTableFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException(resource + ": not in the jar");
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WideCsv.Header header = null;
        Map<String, Lines> groups = new LinkedHashMap<>();
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            // the same lines as BufferedReader.readLine: a \r before the \n is not part of the line
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            lineNo++;
            if (WideCsv.isComment(line)) {
                continue;
            }
            if (header == null) {
                header = WideCsv.Header.of(line);
                continue;
            }
            int comma = line.indexOf(',');
            Lines g = groups.computeIfAbsent(comma < 0 ? line : line.substring(0, comma),
                    k -> new Lines(new ArrayList<>(), new ArrayList<>()));
            g.lines().add(line);
            g.numbers().add(lineNo);
        }
        if (header == null) {
            throw new IllegalStateException(resource + ": no header line");
        }
        return new Content(header, groups);
    }
}
