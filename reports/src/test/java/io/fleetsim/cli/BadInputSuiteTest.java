package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs made by mutating every shipped scenario: numeric fields made NaN, infinite, negative
 * or text (in turn), an unknown field in objects, references to pools, catalog entries and data
 * files made to name nothing, a required top-level field removed, and whole
 * files that are empty, not YAML, binary, an alias bomb, an 8 MiB string, {@code horizon: 1e400h}
 * or a rate of 1e300. Every case must end {@code fleetsim run} with exit 2 within seconds, one
 * line naming the file (and the field, for a field's mutation), no stack trace and no report.
 */
@Tag("scenario")
class BadInputSuiteTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final String NAN = "__fleetsim_nan__";
    private static final String INF = "__fleetsim_inf__";
    private static final String NEGATIVE = "negative";
    /** Fields that name something else: a pool, a catalog GPU, model or engine, a data file. */
    private static final List<String> REFERENCES = List.of("pool", "to", "watch", "gpu", "model", "engine", "file");
    private static final String[] REQUIRED = {"name", "horizon", "workload", "pools"};
    /** Numeric fields mutated per file (spread over the file), so that the suite runs in seconds. */
    private static final int PER_FILE = 6;

    @TempDir
    static Path tmp;

    /** Every shipped scenario: scenarios/*.yaml and the folders of examples beside them. */
    static List<Path> shipped() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("scenarios", "scenarios/strategies", "scenarios/sweep", "scenarios/utilization-trap",
                "scenarios/bench", "scenarios/plan", "scenarios/economics")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        assertTrue(out.size() >= 10, out.toString());
        return out;
    }

    /** One bad input: the file to run and the text its error must contain. */
    private record Case(String name, Path file, String mustName) {
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputExitsTwoNamingTheFieldWithoutAReport() throws IOException {
        List<Case> cases = new ArrayList<>();
        int n = 0;
        for (Path original : shipped()) {
            JsonNode tree = YAML.readTree(original.toFile());
            absoluteFiles(tree, original.toAbsolutePath().getParent());
            String base = original.getFileName().toString().replace(".yaml", "");
            List<String> numeric = new ArrayList<>();
            List<String> objects = new ArrayList<>();
            leaves(tree, "", numeric, objects);
            for (int i : spread(numeric.size(), PER_FILE)) {
                String path = numeric.get(i);
                String value = switch ((n++) % 4) {
                    case 0 -> NAN;
                    case 1 -> INF;
                    case 2 -> NEGATIVE;
                    default -> "not-a-number";
                };
                JsonNode copy = tree.deepCopy();
                set(copy, path, value.equals(NEGATIVE) ? DoubleNode.valueOf(-1 - Math.abs(find(tree, path)
                        .asDouble())) : new TextNode(value));
                cases.add(new Case(base + " " + path + "=" + value, write(base + "-num-" + i, copy), path));
            }
            List<String> references = new ArrayList<>();
            references(tree, "", null, references);
            for (int i : spread(references.size(), PER_FILE / 2)) {
                JsonNode copy = tree.deepCopy();
                String path = references.get(i);
                set(copy, path, new TextNode("zzqx-unknown"));
                cases.add(new Case(base + " unknown reference " + path, write(base + "-ref-" + i, copy), path));
            }
            for (int i : spread(objects.size(), PER_FILE / 2)) {
                JsonNode copy = tree.deepCopy();
                String path = objects.get(i);
                ((ObjectNode) find(copy, path)).put("zzqx_unknown", 1);
                String field = path.isEmpty() ? "zzqx_unknown" : path + ".zzqx_unknown";
                cases.add(new Case(base + " unknown " + field, write(base + "-unknown-" + i, copy), field));
            }
            for (String field : REQUIRED) {
                JsonNode copy = tree.deepCopy();
                ((ObjectNode) copy).remove(field);
                cases.add(new Case(base + " without " + field, write(base + "-without-" + field, copy), field));
            }
        }
        String quickstart = Files.readString(Path.of("scenarios", "quickstart.yaml"));
        cases.add(new Case("empty file", Files.writeString(tmp.resolve("empty.yaml"), ""), "empty"));
        cases.add(new Case("not YAML", Files.writeString(tmp.resolve("not-yaml.yaml"), "name: [unclosed\n  {{{"),
                "YAML"));
        byte[] binary = new byte[4096];
        new Random(3).nextBytes(binary);
        cases.add(new Case("binary", Files.write(tmp.resolve("binary.yaml"), binary), "not a text file"));
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        // refused one way or another (SnakeYAML's alias limit, or the fields it holds), quickly
        cases.add(new Case("alias bomb", Files.writeString(tmp.resolve("bomb.yaml"), bomb.toString()), ""));
        cases.add(new Case("8 MiB string", Files.writeString(tmp.resolve("huge.yaml"), quickstart.replace(
                "name: quickstart-chat", "name: \"" + "x".repeat(8 << 20) + "\"")), "too large"));
        cases.add(new Case("horizon 1e400h", Files.writeString(tmp.resolve("horizon.yaml"), quickstart.replace(
                "horizon: 1h", "horizon: 1e400h")), "horizon"));
        cases.add(new Case("rate 1e300", Files.writeString(tmp.resolve("rate.yaml"), quickstart.replace(
                "rate_per_s: 6", "rate_per_s: 1e300")), "workload.arrivals.rate_per_s"));
        // every kind of mutation the issue lists is in the suite
        for (String kind : List.of("=" + NAN, "=" + INF, "=" + NEGATIVE, "=not-a-number", " unknown reference ",
                "zzqx_unknown", " without ")) {
            long count = cases.stream().filter(c -> c.name().contains(kind)).count();
            assertTrue(count >= 5, count + " cases of '" + kind + "'");
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        Path out = tmp.resolve("out-" + Math.abs(c.name().hashCode()));
        long start = System.nanoTime();
        CliRunner.Result r = CliRunner.fleetsim("run", c.file().toString(), "--no-progress", "--out", out.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(2, r.code(), c.name() + ": " + r.describe());
        assertTrue(seconds < 10, c.name() + " took " + seconds + " s");
        String err = r.err();
        assertEquals(1, err.lines().count(), c.name() + ": " + r.describe());
        assertTrue(err.startsWith("error: " + c.file()), c.name() + ": does not name the file: " + err);
        assertTrue(err.contains(c.mustName()), c.name() + ": does not name '" + c.mustName() + "': " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), c.name() + ": " + err);
        assertFalse(Files.exists(out), c.name() + ": wrote a report");
    }

    /** At most {@code k} indices of {@code 0..n-1}, evenly spread, first and last included. */
    private static List<Integer> spread(int n, int k) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < Math.min(n, k); j++) {
            int i = k >= n ? j : (int) Math.round(j * (n - 1) / (double) (k - 1));
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    private static Path write(String name, JsonNode tree) throws IOException {
        String text = YAML.writeValueAsString(tree);
        text = text.replace("\"" + NAN + "\"", ".nan").replace("\"" + INF + "\"", ".inf").replace(NAN, ".nan")
                .replace(INF, ".inf");
        return Files.writeString(tmp.resolve(name.toLowerCase(Locale.ROOT) + ".yaml"), text);
    }

    /** Makes every {@code file:} value absolute, so that a mutated copy elsewhere finds the same data. */
    private static void absoluteFiles(JsonNode node, Path folder) {
        forEachChild(node, (key, child) -> {
            if ("file".equals(key) && child.isTextual()) {
                ((ObjectNode) node).put(key, folder.resolve(child.asText()).normalize().toString());
            } else {
                absoluteFiles(child, folder);
            }
        });
    }

    /** The paths of numeric leaves and of objects, in the notation of error messages. */
    private static void leaves(JsonNode node, String path, List<String> numeric, List<String> objects) {
        if (node.isObject()) {
            objects.add(path);
            node.fieldNames().forEachRemaining(f -> leaves(node.get(f), path.isEmpty() ? f : path + "." + f, numeric,
                    objects));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", numeric, objects);
            }
        } else if (node.isNumber() && !path.endsWith("seed")) {
            numeric.add(path);
        }
    }

    /** The paths of text leaves that name something else ({@link #REFERENCES}), lists' items included. */
    private static void references(JsonNode node, String path, String key, List<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> references(node.get(f), path.isEmpty() ? f : path + "." + f, f,
                    out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), path + "[" + i + "]", key, out);
            }
        } else if (node.isTextual() && REFERENCES.contains(key)) {
            out.add(path);
        }
    }

    private interface ChildVisitor {
        void visit(String key, JsonNode child);
    }

    private static void forEachChild(JsonNode node, ChildVisitor visitor) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(f -> visitor.visit(f, node.get(f)));
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                visitor.visit(null, e);
            }
        }
    }

    private static JsonNode find(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
            int bracket = part.indexOf('[');
            n = n.get(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                n = n.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return n;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        JsonNode parent = find(root, cut < 0 ? "" : path.substring(0, cut));
        String last = path.substring(cut + 1);
        if (last.endsWith("]")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(0, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
