package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code --out} that cannot be written is refused before anything is simulated: exit 2, one line. */
class OutFolderTest {

    @TempDir
    Path tmp;

    private void assertRefused(CliRunner.Result r, Path out) {
        assertEquals(2, r.code(), r.describe());
        assertEquals(1, r.err().lines().count(), r.describe());
        assertTrue(r.err().startsWith("error: --out " + out), r.describe());
        assertEquals("", r.out(), "nothing simulated, nothing printed");
    }

    @Test
    void runRefusesAnOutThatIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertRefused(CliRunner.fleetsim("run", "scenarios/quickstart.yaml", "--out", file.toString()), file);
        assertEquals("x", Files.readString(file), "the file is left as it was");
    }

    @Test
    void runRefusesAnOutInsideAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Path inside = file.resolve("report");
        assertRefused(CliRunner.fleetsim("run", "scenarios/quickstart.yaml", "--out", inside.toString()), inside);
    }

    @Test
    void compareAndSweepRefuseItToo() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertRefused(CliRunner.fleetsim("compare", "scenarios/quickstart.yaml", "scenarios/quickstart.yaml", "--out",
                file.toString()), file);
        assertRefused(CliRunner.fleetsim("sweep", "scenarios/quickstart.yaml", "--vary", "pools[0].replicas=3,4",
                "--out", file.toString()), file);
    }
}
