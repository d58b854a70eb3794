package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reports module's one rule, checked on the compiled classes with the JDK's {@code jdeps}
 * (the simulator's own are in its {@code DependencyRulesTest}): {@code report} and its
 * sub-packages render results and decisions; they import nothing of the commands ({@code cli})
 * and nothing that runs a simulation or reads a scenario file ({@code engine}, {@code random},
 * {@code scenario}).
 */
class ReportDependencyRulesTest {

    /** The module's classes; reports tests run from the project folder (they read scenarios/). */
    private static final Path CLASSES = Path.of("reports", "target", "classes");
    private static final Pattern EDGE =
            Pattern.compile("^\\s*io\\.fleetsim\\.report\\S*\\s+->\\s+io\\.fleetsim\\.(\\w+)");
    private static final Set<String> FORBIDDEN = Set.of("cli", "engine", "random", "scenario");

    @Test
    void reportsRenderAndNeverRunOrCommand() {
        assertTrue(Files.isDirectory(CLASSES), CLASSES.toAbsolutePath() + " missing (run from the project folder)");
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-filter:none", "-e", "io\\.fleetsim\\..*", CLASSES.toString());
        assertEquals(0, rc, out.toString());
        Set<String> used = new TreeSet<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                used.add(m.group(1));
            }
        }
        // what a rendering of results needs, so that a broken reading of jdeps would show
        assertTrue(used.containsAll(Set.of("run", "compare", "sweep")), "report uses: " + used);
        Set<String> broken = new TreeSet<>(used);
        broken.retainAll(FORBIDDEN);
        assertTrue(broken.isEmpty(), "report imports " + broken);
    }
}
