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
 * counts too). Each package's {@code package-info.java} states the same rules in words.
 */
class DependencyRulesTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern EDGE = Pattern.compile("^\\s*io\\.fleetsim\\.(\\w+)\\S*\\s+->\\s+io\\.fleetsim\\.(\\w+)");

    /** What each top-level package must not import (sub-packages count as their parent). */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "engine", Set.of("*"),
            "hardware", Set.of("*"),
            "random", Set.of("*"),
            "theory", Set.of("*"),
            "kernels", Set.of("*"),
            "serving", Set.of("cost", "fleet", "run", "metrics"),
            "metrics", Set.of("serving", "fleet", "cost", "run"),
            "cost", Set.of("fleet", "run", "serving"),
            "workload", Set.of("fleet", "serving", "cost", "run", "metrics"),
            "validation", Set.of("fleet", "cost", "run"));

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
    void theRulesAreNotVacuous() {
        // the graph has the edges every layer above them needs, so a broken reading would show
        assertTrue(graph.get("fleet").containsAll(Set.of("serving", "metrics", "engine")), graph.toString());
        assertTrue(graph.get("cost").contains("metrics"), "cost reads metrics: " + graph.get("cost"));
        assertTrue(graph.get("run").containsAll(Set.of("cost", "fleet")), graph.toString());
    }
}
