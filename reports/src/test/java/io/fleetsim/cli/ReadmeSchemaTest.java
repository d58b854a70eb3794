package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report.json field table in README.md is the schema users read, so it must match what is
 * written, both ways: every documented field exists in a generated report, and every field of the
 * report is documented.
 *
 * <p>The table's notation: {@code a.{b, c}} is {@code a.b} and {@code a.c}; {@code []} is every
 * element of an array; a {@code <name>} segment stands for any key (a pool, a cause...). A
 * documented field holding an object that has the name of a fleet-wide field ({@code routes[].tokens})
 * has that field's shape ("same shapes as the fleet-wide fields").
 */
@Tag("scenario")
class ReadmeSchemaTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @TempDir
    Path tmp;

    /** The documented paths, expanded, e.g. {@code pools[].cost_by_state_usd.<state>}. */
    static List<String> documentedPaths() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## report.json");
        assertTrue(start >= 0, "README.md has no '## report.json' section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> paths = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String fieldCell = line.split("\\|")[1];
            Matcher m = CODE.matcher(fieldCell);
            while (m.find()) {
                paths.addAll(expand(m.group(1).replace(" ", "")));
            }
        }
        assertFalse(paths.isEmpty(), "no fields in README's report.json table");
        return paths;
    }

    /** {@code a.{b,c.{d,e}}} as {@code a.b}, {@code a.c.d} and {@code a.c.e}: braces nest. */
    static List<String> expand(String pattern) {
        int open = pattern.indexOf('{');
        if (open < 0) {
            return List.of(pattern);
        }
        List<String> options = new ArrayList<>();
        int depth = 0;
        int from = open + 1;
        int close = -1;
        for (int i = open; i < pattern.length() && close < 0; i++) {
            char ch = pattern.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                options.add(pattern.substring(from, i));
                close = i;
            } else if (ch == ',' && depth == 1) {
                options.add(pattern.substring(from, i));
                from = i + 1;
            }
        }
        List<String> out = new ArrayList<>();
        for (String option : options) {
            out.addAll(expand(pattern.substring(0, open) + option + pattern.substring(close + 1)));
        }
        return out;
    }

    /** Every node of the report by path ({@code pools[].name}), with whether it is a leaf. */
    static Map<String, Boolean> reportPaths(JsonNode node, String path, Map<String, Boolean> out) {
        if (node.isObject() && node.size() > 0) {
            if (!path.isEmpty()) {
                out.put(path, false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                reportPaths(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray() && node.size() > 0) {
            out.put(path, false);
            node.forEach(element -> reportPaths(element, path + "[]", out));
        } else {
            out.put(path, true);
        }
        return out;
    }

    /** Paths of empty objects and arrays (optional blocks a scenario did not use, e.g. {@code break_even}). */
    static TreeSet<String> emptyContainers(JsonNode node, String path, TreeSet<String> out) {
        if ((node.isObject() || node.isArray()) && node.size() == 0) {
            out.add(path);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> emptyContainers(e.getValue(),
                    path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(element -> emptyContainers(element, path + "[]", out));
        }
        return out;
    }

    private static boolean matches(String pattern, String path) {
        String[] p = pattern.split("\\.");
        String[] q = path.split("\\.");
        if (p.length != q.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i].startsWith("<") && p[i].endsWith(">")) && !p[i].equals(q[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean documented(String path, List<String> docs, Map<String, Boolean> report) {
        if (docs.stream().anyMatch(d -> matches(d, path))) {
            return true;
        }
        // an empty object or array: documented when something under it is
        if (Boolean.TRUE.equals(report.get(path)) && docs.stream().anyMatch(d -> d.startsWith(path + "."))) {
            return true;
        }
        // "same shape as the fleet-wide field": routes[].tokens.input is documented by tokens.input
        String[] segments = path.split("\\.");
        for (int k = segments.length - 1; k >= 1; k--) {
            String prefix = String.join(".", Arrays.copyOfRange(segments, 0, k));
            if (Boolean.FALSE.equals(report.get(prefix)) && docs.stream().anyMatch(d -> matches(d, prefix))) {
                String rest = String.join(".", Arrays.copyOfRange(segments, k, segments.length));
                String fleetWide = segments[k - 1].replace("[]", "") + "." + rest;
                if (!fleetWide.equals(path) && documented(fleetWide, docs, report)) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode generatedReport() throws IOException {
        // economics makes the break-even block appear
        String scenario = Files.readString(Path.of("scenarios", "quickstart.yaml"))
                + "\neconomics: {fixed_monthly_usd: 5000, api_reference_usd_per_mtok: 0.8}\n";
        Path file = tmp.resolve("schema.yaml");
        Files.writeString(file, scenario);
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.fleetsim("run", file.toString(), "--horizon", "2m", "--out", out.toString());
        assertEquals(0, r.code(), r.describe());
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    @Test
    void expansionOfTheTableNotation() {
        assertEquals(List.of("a.b.d", "a.b.e", "a.c.d", "a.c.e"), expand("a.{b,c}.{d,e}"));
        assertEquals(List.of("a.b", "a.c.d", "a.c.e", "a.f"), expand("a.{b,c.{d,e},f}"));
        assertTrue(matches("cost_usd.by_pool.<pool>", "cost_usd.by_pool.h100"));
        assertFalse(matches("cost_usd.by_pool.<pool>", "cost_usd.by_pool.h100.x"));
    }

    /** The report of the shipped N+2 zone outage scenario: a pool's {@code headroom} and {@code disruptions[]}. */
    private JsonNode disruptionsReport() throws IOException {
        Path out = tmp.resolve("out-disruptions");
        CliRunner.Result r = CliRunner.fleetsim("run", Path.of("scenarios", "economics", "zone-outage-n-plus-2.yaml")
                .toString(), "--horizon", "5m", "--out", out.toString());
        assertEquals(0, r.code(), r.describe());
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    /**
     * The report of the shipped disaggregated scenario, whose pool has the {@code disaggregation}
     * block, with a handoff (which makes the {@code handoff} block appear).
     */
    private JsonNode disaggregatedReport() throws IOException {
        Path out = tmp.resolve("out-disaggregated");
        String scenario = Files.readString(Path.of("scenarios", "disaggregation", "quickstart-1p1d.yaml"))
                .replace("      link: {kind: nvlink}\n", "      link: {kind: nvlink}\n      handoff_latency: 50ms\n");
        assertTrue(scenario.contains("handoff_latency"), "the scenario's link line moved");
        Path file = tmp.resolve("disaggregated.yaml");
        Files.writeString(file, scenario);
        CliRunner.Result r = CliRunner.fleetsim("run", file.toString(), "--horizon", "2m", "--out", out.toString());
        assertEquals(0, r.code(), r.describe());
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    @Test
    void everyDocumentedFieldIsInTheReport() throws IOException {
        JsonNode generated = generatedReport();
        Map<String, Boolean> report = reportPaths(generated, "", new TreeMap<>());
        reportPaths(disaggregatedReport(), "", report);
        reportPaths(disruptionsReport(), "", report);
        TreeSet<String> empty = emptyContainers(generated, "", new TreeSet<>());
        TreeSet<String> missing = new TreeSet<>();
        for (String doc : documentedPaths()) {
            boolean found = report.keySet().stream().anyMatch(p -> matches(doc, p))
                    // a field inside an empty block or array, e.g. requests.rejected_by_cause.<cause>
                    || empty.stream().anyMatch(e -> doc.startsWith(e + ".") || doc.startsWith(e + "[]."));
            if (!found) {
                missing.add(doc);
            }
        }
        assertTrue(missing.isEmpty(), "documented in README.md but not in report.json: " + missing);
    }

    @Test
    void everyFieldOfTheReportIsDocumented() throws IOException {
        Map<String, Boolean> report = reportPaths(generatedReport(), "", new TreeMap<>());
        reportPaths(disruptionsReport(), "", report);
        List<String> docs = documentedPaths();
        TreeSet<String> undocumented = new TreeSet<>();
        report.forEach((path, leaf) -> {
            if (leaf && !documented(path, docs, report)) {
                undocumented.add(path);
            }
        });
        assertTrue(undocumented.isEmpty(), "in report.json but not in README.md's field table: " + undocumented);
    }
}
