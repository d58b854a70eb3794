package io.fleetsim.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file, read with jackson-dataformat-csv: RFC 4180 double quotes (a doubled
 * quote inside is a literal one), quoted fields that span lines, and a leading UTF-8 byte order
 * mark dropped. Each row knows the line it starts on, so that errors can name it; fields are
 * neither trimmed nor converted. {@link #next()} streams one row at a time; {@link #readAll}
 * reads a whole (small) file.
 */
public final class CsvRows implements Closeable {

    /** Thread-safe; every parser it makes is independent. */
    private static final CsvFactory FACTORY = new CsvFactory();

    private final CsvParser parser;
    private final String source;
    private int rows;

    private CsvRows(CsvParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /**
     * One row: its fields and the line it starts on (from 1).
     *
     * @param fields the fields, unquoted, not trimmed
     * @param line   the line of the file the row starts on
     */
    public record Row(List<String> fields, int line) {

        public Row {
            fields = List.copyOf(fields);
        }

        /** True for a line with nothing but white space on it. */
        public boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }

        /** Number of fields. */
        public int size() {
            return fields.size();
        }

        /** Field {@code i}. */
        public String get(int i) {
            return fields.get(i);
        }
    }

    /** The rows of {@code in}; {@code source} is how errors name it. */
    public static CsvRows open(Reader in, String source) throws IOException {
        // the byte order mark goes before parsing: a quoted first header cell must start the text
        BufferedReader text = in instanceof BufferedReader b ? b : new BufferedReader(in);
        text.mark(1);
        if (text.read() != '\uFEFF') {
            text.reset();
        }
        return new CsvRows(FACTORY.createParser(text), source);
    }

    /**
     * Every row of {@code file}, blank rows at the end dropped; an empty list for an empty file.
     * A missing file, text that is not UTF-8 and a malformed row are {@link ScenarioException}s
     * naming {@code displayName}.
     */
    public static List<Row> readAll(Path file, String displayName) {
        try (CsvRows csv = open(Files.newBufferedReader(file, StandardCharsets.UTF_8), displayName)) {
            List<Row> out = new ArrayList<>();
            for (Row r = csv.next(); r != null; r = csv.next()) {
                out.add(r);
            }
            while (!out.isEmpty() && out.get(out.size() - 1).blank()) {
                out.remove(out.size() - 1);
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new ScenarioException(displayName, 0, "", "file not found");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(displayName, 0, "", "not a text file: it is not UTF-8 (binary or compressed?)");
        } catch (IOException e) {
            throw new ScenarioException(displayName, 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * The next row, or null after the last. A row whose quote is never closed is a
     * {@link ScenarioException} naming the line it starts on.
     *
     * @throws IOException when the underlying text cannot be read (not UTF-8, for one)
     */
    public Row next() throws IOException {
        int line = Math.max(1, parser.currentLocation().getLineNr());
        try {
            JsonToken t = parser.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                return null;
            }
            // without a schema, the parser gives each row as an array of strings
            List<String> fields = new ArrayList<>();
            for (t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                fields.add(parser.getText());
            }
            rows++;
            return new Row(fields, line);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            String what = rows == 0 ? "header row" : "row " + rows;
            JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage().startsWith("Missing closing quote")
                    ? "unclosed quote: the quoted field runs to the end of the file"
                    + (at != null && at.getLineNr() > line ? " (line " + at.getLineNr() + ")" : "")
                    : e.getOriginalMessage();
            throw new ScenarioException(source, line, "", what + ": " + problem);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
