package io.fleetsim.trace;

import io.fleetsim.input.ScenarioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a trace file in one of the {@link TraceFormat}s. Every problem (missing file, bad row,
 * empty trace) is a {@link ScenarioException} naming the file as the user did and, for a bad row,
 * the row as the line number.
 */
public final class TraceReader {

    private TraceReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param displayName how errors and reports name the file
     */
    public static Trace read(Path file, String displayName, TraceFormat format) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (format instanceof TraceFormat.Csv csv) {
                return CsvTraceParser.parse(in, displayName, csv);
            }
            return MooncakeTraceParser.parse(in, displayName, (TraceFormat.Mooncake) format);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(displayName, 0, "", "file not found");
        } catch (CharacterCodingException e) {
            throw notText(displayName);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notText(displayName);
            }
            throw new ScenarioException(displayName, 0, "", "cannot read the trace: " + e.getMessage());
        } catch (IOException e) {
            throw new ScenarioException(displayName, 0, "", "cannot read the trace: " + e.getMessage());
        }
    }

    private static ScenarioException notText(String displayName) {
        return new ScenarioException(displayName, 0, "", "not a text file: it is not UTF-8 (binary or compressed?); "
                + "a trace is CSV or JSON lines");
    }
}
