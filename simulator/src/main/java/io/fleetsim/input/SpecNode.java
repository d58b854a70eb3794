package io.fleetsim.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cursor on one value of a scenario document that knows its field path and source line, so
 * every accessor can fail with a message naming the file, the line, the path and what is
 * allowed. All type and range checks of scenario fields go through here.
 */
public final class SpecNode {

    private final JsonNode node;
    private final String path;
    private final String file;
    private final SourceMap source;
    /** Where file names in the document are resolved: the folder of the scenario file. */
    private final Path folder;

    SpecNode(JsonNode node, String path, String file, SourceMap source, Path folder) {
        this.node = node;
        this.path = path;
        this.file = file;
        this.source = source;
        this.folder = folder;
    }

    static String childPath(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** The dotted path of this value, e.g. {@code pools[1].batching}. */
    public String path() {
        return path;
    }

    /**
     * A deep copy of this value's tree, to edit before binding it again with {@link #withTree}
     * (sweeps override fields of a parsed scenario this way, so every variant is validated like a file).
     */
    public JsonNode copyTree() {
        return node == null ? null : node.deepCopy();
    }

    /** This value's document (file name, source lines, folder) holding {@code tree} instead. */
    public SpecNode withTree(JsonNode tree) {
        return new SpecNode(tree, path, file, source, folder);
    }

    /** True when the field was absent (or null). */
    public boolean isMissing() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** An error at this value. */
    public ScenarioException error(String problem) {
        return new ScenarioException(file, source.lineOf(path), path, problem);
    }

    /** The named field of this object; may be missing. */
    public SpecNode get(String field) {
        requireObject();
        return new SpecNode(node.get(field), childPath(path, field), file, source, folder);
    }

    /** The named field, which must be present. */
    public SpecNode required(String field) {
        SpecNode child = get(field);
        if (child.isMissing()) {
            throw error("missing required field '" + field + "'");
        }
        return child;
    }

    /** Rejects any field of this object not in {@code allowed}, listing what is allowed. */
    public SpecNode allowOnly(String... allowed) {
        requireObject();
        Set<String> allowedSet = new LinkedHashSet<>(Arrays.asList(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowedSet.contains(name)) {
                String hint = NearestName.of(name, allowedSet).map(n -> "did you mean '" + n + "'? ").orElse("");
                throw new ScenarioException(file, source.lineOf(childPath(path, name)), childPath(path, name),
                        "unknown field; " + hint + "allowed here: " + String.join(", ", allowedSet));
            }
        }
        return this;
    }

    /** Rejects any field not in {@code common} or {@code specific}. */
    public SpecNode allowOnly(List<String> common, String... specific) {
        List<String> all = new ArrayList<>(common);
        all.addAll(Arrays.asList(specific));
        return allowOnly(all.toArray(new String[0]));
    }

    /** The elements of this list (an absent list is empty). */
    public List<SpecNode> elements() {
        if (isMissing()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("must be a list (got " + describe() + ")");
        }
        List<SpecNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new SpecNode(node.get(i), path + "[" + i + "]", file, source, folder));
        }
        return out;
    }

    /** True when this value is an object (a mapping). */
    public boolean isObject() {
        return node != null && node.isObject();
    }

    /** The field names of this object, in file order (for a mapping keyed by names the user picks). */
    public List<String> fieldNames() {
        requireObject();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A string value. */
    public String text() {
        requirePresent();
        if (!node.isTextual()) {
            throw error("must be a string (got " + describe() + ")");
        }
        return node.textValue();
    }

    /** A string value, or {@code fallback} when absent. */
    public String text(String fallback) {
        return isMissing() ? fallback : text();
    }

    /** A true/false value, or {@code fallback} when absent. */
    public boolean flag(boolean fallback) {
        if (isMissing()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw error("must be true or false (got " + describe() + ")");
        }
        return node.booleanValue();
    }

    /** A string that must be one of {@code choices}. */
    public String choice(String... choices) {
        String value = text();
        for (String c : choices) {
            if (c.equals(value)) {
                return value;
            }
        }
        throw error("must be one of " + String.join(", ", choices) + " (got \"" + value + "\")");
    }

    /** Any finite number. */
    public double number() {
        requirePresent();
        if (!node.isNumber()) {
            throw error("must be a number (got " + describe() + ")");
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw error("must be a finite number");
        }
        return v;
    }

    /** A number strictly greater than zero. */
    public double positiveNumber() {
        double v = number();
        if (!(v > 0)) {
            throw error("must be > 0 (got " + node.asText() + ")");
        }
        return v;
    }

    /** A number in {@code [min, max]}. */
    public double numberIn(double min, double max) {
        double v = number();
        if (v < min || v > max) {
            throw error("must be between " + plain(min) + " and " + plain(max) + " (got " + node.asText() + ")");
        }
        return v;
    }

    /** An integer in {@code [min, max]}. */
    public long integerIn(long min, long max) {
        requirePresent();
        if (!node.isIntegralNumber()) {
            throw error("must be a whole number (got " + describe() + ")");
        }
        long v = node.longValue();
        if (v < min || v > max) {
            throw error("must be between " + min + " and " + max + " (got " + v + ")");
        }
        return v;
    }

    /** An int in {@code [min, max]}, or {@code fallback} when absent. */
    public int intIn(int min, int max, int fallback) {
        return isMissing() ? fallback : (int) integerIn(min, max);
    }

    /** A duration with a unit, in seconds. */
    public double durationSeconds() {
        requirePresent();
        if (!node.isTextual()) {
            throw error("must be " + DurationText.ALLOWED + " (got " + describe() + ")");
        }
        try {
            return DurationText.parseSeconds(node.textValue());
        } catch (IllegalArgumentException e) {
            throw error("must be " + DurationText.ALLOWED + " (got \"" + node.textValue() + "\")");
        }
    }

    /** A duration strictly greater than zero, in seconds. */
    public double positiveDurationSeconds() {
        double v = durationSeconds();
        if (!(v > 0)) {
            throw error("must be a duration > 0 (got \"" + node.textValue() + "\")");
        }
        return v;
    }

    /** A duration in seconds, or {@code fallback} when absent. */
    public double durationSeconds(double fallback) {
        return isMissing() ? fallback : durationSeconds();
    }

    /** A memory size with a unit, in bytes. */
    public double bytes() {
        requirePresent();
        if (!node.isTextual()) {
            throw error("must be " + ByteSizeText.ALLOWED + " (got " + describe() + ")");
        }
        try {
            return ByteSizeText.parseBytes(node.textValue());
        } catch (IllegalArgumentException e) {
            throw error("must be " + ByteSizeText.ALLOWED + " (got \"" + node.textValue() + "\")");
        }
    }

    /**
     * A file named relative to the scenario file's folder (or absolute), which must exist. Its
     * display name is that path as seen from where the scenario file was named, so errors about
     * the file's contents point where the user can find it.
     */
    public DataFile dataFile() {
        String name = text();
        Path resolved;
        String display;
        try {
            resolved = folder.resolve(name).normalize();
            display = Path.of(file).resolveSibling(name).normalize().toString();
        } catch (InvalidPathException e) {
            throw error("not a valid file path (got \"" + name + "\")");
        }
        if (!Files.isRegularFile(resolved)) {
            throw error("no such file: " + display + " (file paths are relative to the folder of " + file + ")");
        }
        if (!Files.isReadable(resolved)) {
            throw error("cannot read " + display);
        }
        return new DataFile(resolved, display);
    }

    private void requirePresent() {
        if (isMissing()) {
            throw error("missing value");
        }
    }

    private void requireObject() {
        if (node == null || !node.isObject()) {
            throw error("must be a mapping of fields (got " + describe() + ")");
        }
    }

    private String describe() {
        if (isMissing()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "\"" + node.textValue() + "\"";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.asText();
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
