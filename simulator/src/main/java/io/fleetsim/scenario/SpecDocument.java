package io.fleetsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a YAML or JSON file into a {@link SpecNode} tree that remembers where each field was.
 * JSON is chosen by a {@code .json} ending, YAML otherwise. Duplicate keys are errors.
 */
public final class SpecDocument {

    private SpecDocument() {
    }

    /** Reads a file; {@code displayName} is how errors name it (usually the path as typed). */
    public static SpecNode read(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
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
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        ObjectMapper mapper = new ObjectMapper(factory);
        try {
            SourceMap source;
            try (JsonParser parser = factory.createParser(text)) {
                source = SourceMap.read(parser);
            }
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ScenarioException(displayName, 0, "", "the file is empty");
            }
            return new SpecNode(root, "", displayName, source, folder);
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(displayName, line, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new ScenarioException(displayName, 0, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getMessage().split("\n")[0]);
        }
    }
}
