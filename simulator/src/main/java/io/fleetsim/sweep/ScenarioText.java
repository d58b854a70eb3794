package io.fleetsim.sweep;

import io.fleetsim.input.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A scenario file's text with the name it is known by, so that a unit of work carries the whole
 * scenario and can run anywhere the files it names (datasets, traces) resolve the same way.
 *
 * @param text        the file's contents
 * @param displayName the path as the user typed it; errors name it and relative data files resolve
 *                    against its folder
 * @param json        true for JSON, false for YAML
 */
public record ScenarioText(String text, String displayName, boolean json) {

    /** Reads {@code file}; a missing or unreadable file is a {@link ScenarioException}. */
    public static ScenarioText read(Path file) {
        String name = file.toString();
        try {
            return new ScenarioText(Files.readString(file, StandardCharsets.UTF_8), name,
                    name.toLowerCase(Locale.ROOT).endsWith(".json"));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, 0, "", "file not found");
        } catch (IOException e) {
            throw new ScenarioException(name, 0, "", "cannot read file: " + e.getMessage());
        }
    }

    /** SHA-256 of the text followed by {@code extra}, in hex: what a result was computed from. */
    public String hash(String extra) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(extra.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
