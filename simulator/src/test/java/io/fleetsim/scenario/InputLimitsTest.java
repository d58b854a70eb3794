package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are too large or not text are refused at once, naming the file and what is wrong:
 * a scenario over the documented size, a run of characters long enough to make the YAML parser
 * slow, and binary bytes where a scenario, trace or dataset was expected.
 */
class InputLimitsTest {

    @TempDir
    Path tmp;

    private static final String SHIPPED = "../scenarios/quickstart.yaml";

    private ScenarioException loadFails(Path file) {
        return assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(file));
    }

    private static byte[] garbage(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    @Test
    void aScenarioOverTheLimitIsRefusedBeforeItIsParsed() throws IOException {
        String quickstart = Files.readString(Path.of(SHIPPED));
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, quickstart.replace("name: quickstart-chat", "name: quickstart-chat\n# "
                + "word ".repeat((8 << 20) / 5)));
        long start = System.nanoTime();
        ScenarioException e = loadFails(big);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.getMessage().startsWith(big + ": too large") && e.getMessage().contains("1 MiB"), e.getMessage());
        assertTrue(seconds < 5, "refused after " + seconds + " s");
    }

    @Test
    void aLongRunWithoutSpacesIsRefusedWithItsLine() throws IOException {
        String quickstart = Files.readString(Path.of(SHIPPED));
        Path f = tmp.resolve("run.yaml");
        Files.writeString(f, quickstart.replace("name: quickstart-chat", "name: \"" + "a".repeat(300_000) + "\""));
        ScenarioException e = loadFails(f);
        assertTrue(e.getMessage().contains(f + ":3: ") && e.getMessage().contains("without a space"), e.getMessage());
    }

    @Test
    void aFileAtTheLimitParsesInLinearTime() throws IOException {
        // the worst the limits allow: runs of MAX_WORD characters, filling the file
        String word = "a".repeat(SpecDocument.MAX_WORD - 2);
        StringBuilder quarter = new StringBuilder("name: t\ndescription: \"");
        while (quarter.length() < SpecDocument.MAX_CHARS / 4 - SpecDocument.MAX_WORD - 10) {
            quarter.append(word).append(' ');
        }
        StringBuilder full = new StringBuilder("name: t\ndescription: \"");
        while (full.length() < SpecDocument.MAX_CHARS - SpecDocument.MAX_WORD - 10) {
            full.append(word).append(' ');
        }
        double small = parseSeconds(quarter.append("\"\n").toString());
        double large = parseSeconds(full.append("\"\n").toString());
        // linear: four times the text, about four times the time (quadratic would be sixteen)
        assertTrue(large < 8 * small + 0.2, "1/4 MiB " + small + " s, 1 MiB " + large + " s");
        assertTrue(large < 3, "1 MiB took " + large + " s");
    }

    /** The fastest of a few parses: other work on the machine only ever adds time. */
    private static double parseSeconds(String text) {
        SpecDocument.parse(text, "warm.yaml", false);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            SpecDocument.parse(text, "t.yaml", false);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    @Test
    void binaryScenarioIsNotText() throws IOException {
        Path f = Files.write(tmp.resolve("s.yaml"), garbage(4096));
        ScenarioException e = loadFails(f);
        assertTrue(e.getMessage().startsWith(f + ": not a text file"), e.getMessage());
    }

    @Test
    void binaryTraceAndDatasetAreNotText() throws IOException {
        Path trace = Files.write(tmp.resolve("trace.csv"), garbage(4096));
        Path dataset = Files.write(tmp.resolve("lengths.csv"), garbage(4096));
        String head = "name: t\nhorizon: 1h\nworkload:\n";
        String pools = "pools:\n  - {name: p, kind: reserved, replicas: 1, usd_per_gpu_hour: 1, service_time: "
                + "{dist: fixed, value: 1s}}\n";
        Path s1 = Files.writeString(tmp.resolve("trace.yaml"), head + "  arrivals: {process: trace, file: trace.csv, "
                + "format: azure2023}\n  routes:\n    - {name: chat}\n" + pools);
        ScenarioException e1 = loadFails(s1);
        assertTrue(e1.getMessage().contains("trace.csv") && e1.getMessage().contains("not a text file"),
                e1.getMessage());
        Path s2 = Files.writeString(tmp.resolve("dataset.yaml"), head + "  arrivals: {process: poisson, rate_per_s: 1}\n"
                + "  routes:\n    - name: chat\n      lengths: {dist: dataset, file: lengths.csv, prompt_column: p, "
                + "output_column: o}\n" + pools);
        ScenarioException e2 = loadFails(s2);
        assertTrue(e2.getMessage().contains("lengths.csv") && e2.getMessage().contains("not a text file"),
                e2.getMessage());
    }
}
