package io.fleetsim.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -q verify} prints nothing when green: no test writes to the console. Measured values
 * go to the test report through JUnit's {@code TestReporter} (target/surefire-reports) instead.
 */
class QuietTestsTest {

    /** Both modules' tests, from this module's folder (where surefire runs it). */
    private static final List<Path> TEST_SOURCES = List.of(Path.of("src", "test", "java"),
            Path.of("..", "reports", "src", "test", "java"));

    @Test
    void noTestPrintsToTheConsole() throws IOException {
        List<String> printing = new ArrayList<>();
        String self = QuietTestsTest.class.getSimpleName() + ".java";
        for (Path root : TEST_SOURCES) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " missing");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (f.getFileName().toString().equals(self)) {
                        continue;
                    }
                    String text = Files.readString(f);
                    if (text.contains("System.out.print") || text.contains("System.err.print")
                            || text.contains("printStackTrace()")) {
                        printing.add(f.toString());
                    }
                }
            }
        }
        assertTrue(printing.isEmpty(), "tests that print to the console: " + printing);
    }
}
