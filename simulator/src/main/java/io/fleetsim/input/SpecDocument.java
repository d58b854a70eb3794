package io.fleetsim.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML or JSON file into a {@link SpecNode} tree that remembers where each field was.
 * JSON is chosen by a {@code .json} ending, YAML otherwise. Duplicate keys are errors.
 *
 * <p>Limits, so that no document can make parsing slow: at most {@link #MAX_CHARS} characters
 * (scenario files hold settings; recorded data goes in trace and dataset files, which are
 * streamed), and no run of {@link #MAX_WORD} characters without a space or line break. The YAML
 * parser copies a run without breaks each time it outgrows its 1 KiB buffer, so one long run
 * takes time quadratic in its length; with runs capped, parsing is linear in the file's size.
 * Text that is not UTF-8 or holds NUL characters is refused as not text.
 */
public final class SpecDocument {

    /** Most characters (and, for files, bytes) of a document: 1 MiB. */
    public static final int MAX_CHARS = 1 << 20;
    /** Most characters in a run without whitespace: 64 KiB. */
    public static final int MAX_WORD = 1 << 16;

    private SpecDocument() {
    }

    /** Reads a file; {@code displayName} is how errors name it (usually the path as typed). */
    public static SpecNode read(Path file, String displayName) {
        String text;
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_CHARS) {
                throw tooLarge(displayName, bytes + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ScenarioException(displayName, 0, "", "not a text file: it is not UTF-8 (binary or compressed?)");
        } catch (NoSuchFileException e) {
            throw new ScenarioException(displayName, 0, "", "file not found");
        } catch (IOException e) {
            throw new ScenarioException(displayName, 0, "", "cannot read file: " + e.getMessage());
        }
        boolean json = displayName.toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(text, displayName, json, file.toAbsolutePath().getParent());
    }

    /**
     * Parses document text; {@code json} selects JSON rather than YAML. Files the document names
     * are resolved against the folder of {@code displayName}, taken as a path from the working
     * directory.
     */
    public static SpecNode parse(String text, String displayName, boolean json) {
        Path folder;
        try {
            folder = Path.of(displayName).toAbsolutePath().getParent();
        } catch (InvalidPathException e) {
            folder = Path.of("").toAbsolutePath();
        }
        return parse(text, displayName, json, folder);
    }

    /** Parses document text whose file names are resolved against {@code folder}. */
    public static SpecNode parse(String text, String displayName, boolean json, Path folder) {
        checkLimits(text, displayName);
        Syntax syntax = json ? Syntax.JSON : Syntax.YAML;
        try {
            JsonNode root;
            try {
                root = syntax.mapper.readTree(text);
            } catch (IOException e) {
                // The token stream names the field of an unreadable value and finds the same first
                // error as before the tree was read first: report what it finds, else the tree's error.
                try (JsonParser parser = syntax.factory.createParser(text)) {
                    SourceMap.read(parser);
                }
                throw e;
            }
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ScenarioException(displayName, 0, "", "the file is empty");
            }
            return new SpecNode(root, "", displayName, SourceMap.onDemand(syntax.factory, text), folder);
        } catch (SourceMap.UnreadableValue e) {
            int line = e.cause.getLocation() == null ? 0 : e.cause.getLocation().getLineNr();
            String message = e.cause.getOriginalMessage().split("\n")[0];
            // YAML's .nan and .inf: Jackson cannot read them, the field may not hold them anyway
            throw new ScenarioException(displayName, line, e.path, message.startsWith("Malformed numeric value")
                    ? "must be a finite number (got " + message.substring(message.indexOf('\'')) + ")"
                    : "not valid " + (json ? "JSON" : "YAML") + ": " + message);
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(displayName, line, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new ScenarioException(displayName, 0, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getMessage().split("\n")[0]);
        }
    }

    /**
     * The parser and tree reader of one syntax, made once: a run reads several documents (the
     * scenario, the catalog, the profiles), and a factory and its mapper are thread-safe once
     * configured. Duplicate keys are errors.
     */
    private enum Syntax {
        JSON(new JsonFactory()),
        YAML(yaml());

        final JsonFactory factory;
        final ObjectMapper mapper;

        Syntax(JsonFactory factory) {
            factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            this.factory = factory;
            this.mapper = new ObjectMapper(factory);
        }
    }

    /** A YAML factory whose own code-point limit is this class's, not SnakeYAML's default 3 MB. */
    private static YAMLFactory yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS + 1);
        // .nan and .inf read as numbers, so that the field that holds one is named when it is refused
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static void checkLimits(String text, String displayName) {
        if (text.length() > MAX_CHARS) {
            throw tooLarge(displayName, text.length() + " characters");
        }
        int line = 1;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new ScenarioException(displayName, line, "", "not a text file: it holds NUL characters");
            }
            if (c == '\n') {
                line++;
            }
            // ASCII above the space is never whitespace: spare the look-up for nearly every character
            run = c > ' ' && c < 0x80 || !Character.isWhitespace(c) ? run + 1 : 0;
            if (run > MAX_WORD) {
                throw new ScenarioException(displayName, line, "", "more than " + MAX_WORD
                        + " characters without a space or line break; a scenario holds settings, not data");
            }
        }
    }

    private static ScenarioException tooLarge(String displayName, String size) {
        return new ScenarioException(displayName, 0, "", "too large (" + size + "): scenario files may hold at most "
                + MAX_CHARS + " bytes (1 MiB); recorded traffic goes in a trace file (workload.arrivals.file)");
    }
}
