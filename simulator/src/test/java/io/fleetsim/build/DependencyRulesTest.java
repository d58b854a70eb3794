package io.fleetsim.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the simulator's packages, checked on the compiled classes (what the
 * JDK's {@code jdeps} reads from the bytecode, so an import hidden in a fully qualified name
 * counts too): no cycle between top-level packages, and what each must not import. Each
 * package's {@code package-info.java} states the same rules in words.
 */
class DependencyRulesTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern EDGE = Pattern.compile("^\\s*io\\.fleetsim\\.(\\w+)\\S*\\s+->\\s+io\\.fleetsim\\.(\\w+)");

    /** What each top-level package must not import (sub-packages count as their parent). */
    private static final Map<String, Set<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("engine", Set.of("*")),
            Map.entry("hardware", Set.of("*")),
            Map.entry("random", Set.of("*")),
            Map.entry("theory", Set.of("*")),
            Map.entry("kernels", Set.of("*")),
            Map.entry("input", Set.of("*")),
            // the vocabulary: records and enums over the catalog's hardware, a trace and durations' words
            Map.entry("spec", Set.of("scenario", "engine", "serving", "fleet", "metrics", "cost", "run", "workload",
                    "calibration", "kernels", "validation", "sweep", "compare", "plan", "bench", "random", "theory")),
            Map.entry("serving", Set.of("cost", "fleet", "run", "metrics")),
            Map.entry("metrics", Set.of("serving", "fleet", "cost", "run")),
            Map.entry("cost", Set.of("fleet", "run", "serving")),
            Map.entry("workload", Set.of("fleet", "serving", "cost", "run", "metrics")),
            Map.entry("validation", Set.of("fleet", "cost", "run")),
            Map.entry("trace", Set.of("spec", "scenario", "engine", "serving", "fleet", "metrics", "cost", "run",
                    "workload", "calibration", "sweep", "compare", "plan")),
            // one run is the top of the simulation; what repeats, judges or plans runs sits above it
            Map.entry("run", Set.of("sweep", "compare", "plan", "bench", "validation")),
            Map.entry("sweep", Set.of("compare", "plan", "bench", "validation")),
            Map.entry("plan", Set.of("compare", "bench")),
            // compare judges finished results: nothing that runs, and none of the reports module's
            // words (report, cli), which would show here as edges if any class named them
            Map.entry("compare", Set.of("engine", "serving", "fleet", "workload", "cost", "scenario", "calibration",
                    "plan", "bench", "validation", "report", "cli")));

    /** Top-level package to the other top-level packages its classes use. */
    private static Map<String, Set<String>> graph;

    @BeforeAll
    static void readClasses() {
        assertTrue(Files.isDirectory(CLASSES), CLASSES.toAbsolutePath() + " missing (run from the module folder)");
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                "-e", "io\\.fleetsim\\..*", CLASSES.toString());
        assertEquals(0, rc, out.toString());
        graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (!m.group(1).equals(m.group(2))) {
                    graph.get(m.group(1)).add(m.group(2));
                }
            }
        }
        assertTrue(graph.keySet().containsAll(List.of("engine", "serving", "fleet", "cost", "run")),
                "jdeps saw the packages: " + graph.keySet());
    }

    @Test
    void noPackageImportsWhatItMustNot() {
        List<String> broken = new ArrayList<>();
        FORBIDDEN.forEach((pkg, banned) -> {
            for (String used : graph.getOrDefault(pkg, Set.of())) {
                if (banned.contains("*") || banned.contains(used)) {
                    broken.add(pkg + " -> " + used);
                }
            }
        });
        assertTrue(broken.isEmpty(), "forbidden dependencies: " + broken);
    }

    @Test
    void noCycleBetweenTopLevelPackages() {
        List<List<String>> cycles = new StronglyConnected(graph).cycles();
        assertTrue(cycles.isEmpty(), "package cycles: " + cycles);
    }

    @Test
    void theCycleCheckFindsACycle() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(List.of("a", "b", "c")), new StronglyConnected(g).cycles());
    }

    /** Tarjan's strongly connected components; each one of more than one package is a cycle. */
    private static final class StronglyConnected {
        private final Map<String, Set<String>> g;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        private final List<List<String>> out = new ArrayList<>();

        StronglyConnected(Map<String, Set<String>> g) {
            this.g = g;
        }

        List<List<String>> cycles() {
            new TreeSet<>(g.keySet()).forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return out;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            for (String w : new TreeSet<>(g.getOrDefault(v, Set.of()))) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    out.add(component.stream().sorted().toList());
                }
            }
        }
    }

    @Test
    void theRulesAreNotVacuous() {
        // the graph has the edges every layer above them needs, so a broken reading would show
        assertTrue(graph.get("fleet").containsAll(Set.of("serving", "metrics", "engine")), graph.toString());
        assertTrue(graph.get("cost").contains("metrics"), "cost reads metrics: " + graph.get("cost"));
        assertTrue(graph.get("run").containsAll(Set.of("cost", "fleet")), graph.toString());
        assertTrue(graph.get("compare").containsAll(Set.of("run", "sweep")), "compare judges runs by sweep's "
                + "estimates: " + graph.get("compare"));
    }
}
