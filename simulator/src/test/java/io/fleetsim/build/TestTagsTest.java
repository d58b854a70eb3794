package io.fleetsim.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tags that split the suite between `mvn test` and the second Surefire execution of
 * `mvn verify` (pom.xml's {@code fleetsim.slowTestTags}) are the only ones used, and only on whole
 * test classes: a class whose methods ran in both executions would write its report file twice,
 * and the second would hide the first from the test counts.
 */
class TestTagsTest {

    /** Every module's tests, from this module's folder (where surefire runs it). */
    private static final List<Path> TEST_SOURCES = List.of(Path.of("src", "test", "java"),
            Path.of("..", "reports", "src", "test", "java"), Path.of("..", "reports", "spark", "src", "test", "java"));

    private static final Pattern TAG = Pattern.compile("@Tag\\(\"([^\"]*)\"\\)");

    private static Set<String> slowTags() throws IOException {
        Matcher m = Pattern.compile("<fleetsim.slowTestTags>([^<]*)</fleetsim.slowTestTags>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertTrue(m.find(), "pom.xml names the slow test tags");
        return new TreeSet<>(List.of(m.group(1).split(",")));
    }

    @Test
    void onlyTheSlowTagsAreUsedAndOnlyOnClasses() throws IOException {
        Set<String> allowed = slowTags();
        assertEquals(Set.of("scenario", "statistical"), allowed);
        Set<String> used = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Path root : TEST_SOURCES) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " missing");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = TAG.matcher(lines.get(i));
                        if (!m.find()) {
                            continue;
                        }
                        used.add(m.group(1));
                        if (!allowed.contains(m.group(1))) {
                            wrong.add(f + ":" + (i + 1) + ": unknown tag " + m.group(1));
                        }
                        int next = i + 1;
                        while (next < lines.size() && lines.get(next).startsWith("@")) {
                            next++;
                        }
                        if (next == lines.size() || !lines.get(next).matches("(public |final |abstract )*class .*")) {
                            wrong.add(f + ":" + (i + 1) + ": a tag on something other than a top-level class");
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(allowed, used, "every slow tag is on some class");
    }
}
