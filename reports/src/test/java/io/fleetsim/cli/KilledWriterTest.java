package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.report.ReportFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report folder is all or nothing: {@code fleetsim run} in a child JVM, killed at moments spread
 * over its run and write, leaves the folder either as the previous complete report or as the new
 * one (never a mix, never a missing file), and the next run leaves no hidden leftovers.
 */
@Tag("scenario")
class KilledWriterTest {

    @TempDir
    Path tmp;

    private Process start(Path out, String horizon) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FleetsimCommand.class.getName(),
                "run", "scenarios/quickstart.yaml", "--horizon", horizon, "--no-progress", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    /** The report of a run with this horizon, as a complete folder holds it. */
    private static List<String> contents(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                out.add(f.getFileName() + ":" + java.util.Arrays.hashCode(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static List<String> hiddenLeftovers(Path parent) throws IOException {
        try (Stream<Path> files = Files.list(parent)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    /** True once the child has started writing: a hidden temporary or staging entry beside or in the folder. */
    private static boolean writing(Path out) throws IOException {
        return !hiddenLeftovers(out.getParent()).isEmpty() || Files.exists(out) && !hiddenLeftovers(out).isEmpty();
    }

    @Test
    void aKilledRunLeavesTheOldReportOrTheNewOneWhole() throws Exception {
        Path out = tmp.resolve("reports").resolve("quickstart");
        Path ten = tmp.resolve("reports").resolve("ten-minutes");
        finish(start(ten, "10m"));
        finish(start(out, "20m"));
        List<String> twenty = contents(out);
        List<String> tenMinutes = contents(ten);
        assertEquals(ReportFolder.FILES.size(), twenty.size(), twenty.toString());
        assertTrue(!twenty.equals(tenMinutes));
        // kill each writer a moment after it starts writing, at delays spread over the write phase
        long[] delaysMs = {0, 40, 120, 250, 450};
        for (long delay : delaysMs) {
            boolean holdsTwenty = contents(out).equals(twenty);
            Process p = start(out, holdsTwenty ? "10m" : "20m");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (p.isAlive() && !writing(out) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(delay);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            if (Files.exists(out)) {
                List<String> now = contents(out);
                assertTrue(now.equals(twenty) || now.equals(tenMinutes), "a mix after a kill " + delay
                        + " ms into the write: " + now);
            } else {
                // only between the two renames of the swap: the previous report waits beside it
                List<String> aside = hiddenLeftovers(out.getParent()).stream().filter(n -> n.contains(".old-")).toList();
                assertEquals(1, aside.size(), "no report and nothing aside after a kill " + delay + " ms in");
                finish(start(out, "20m"));
            }
        }
        finish(start(out, "10m"));
        assertEquals(tenMinutes, contents(out));
        assertEquals(List.of(), hiddenLeftovers(out.getParent()), "staging folders of killed runs are removed");
        assertEquals(List.of(), hiddenLeftovers(out), "temporary files of killed runs are removed");
    }

    private void finish(Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(tmp.resolve("child.log")));
    }
}
