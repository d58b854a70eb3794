package io.fleetsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contents of the data files (datasets, traces, spot traces, measured latencies) a scenario
 * variant names in its {@code file} fields, as one hash, so that a result computed from other data
 * is not reused. Each file is hashed once per process for a given size and modification time.
 */
final class DataFileDigest {

    private static final Map<String, String> BY_FILE_STATE = new ConcurrentHashMap<>();

    private DataFileDigest() {
    }

    /**
     * Hash of the files {@code settings} applied to {@code scenario} names, or "" when it names none.
     * A file that does not exist is left out: the scenario is refused when it binds anyway.
     */
    static String of(ScenarioText scenario, List<Setting> settings) {
        JsonNode tree = ScenarioVariant.of(scenario).tree(settings);
        Map<String, String> hashes = new TreeMap<>();
        collect(tree, folderOf(scenario), hashes);
        if (hashes.isEmpty()) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        hashes.forEach((name, hash) -> all.append(name).append('=').append(hash).append('\n'));
        return all.toString();
    }

    private static Path folderOf(ScenarioText scenario) {
        try {
            return Path.of(scenario.displayName()).toAbsolutePath().getParent();
        } catch (InvalidPathException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static void collect(JsonNode node, Path folder, Map<String, String> hashes) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, folder, hashes));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("file") && f.getValue().isTextual()) {
                String name = f.getValue().textValue();
                String hash = hash(folder, name);
                if (hash != null) {
                    hashes.put(name, hash);
                }
            } else {
                collect(f.getValue(), folder, hashes);
            }
        }
    }

    private static String hash(Path folder, String name) {
        Path file;
        BasicFileAttributes attributes;
        try {
            file = folder.resolve(name).normalize();
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (InvalidPathException | IOException e) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            return null;
        }
        String state = file + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        return BY_FILE_STATE.computeIfAbsent(state, s -> contentHash(file));
    }

    private static String contentHash(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest sees every byte read
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()).substring(0, 16);
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
