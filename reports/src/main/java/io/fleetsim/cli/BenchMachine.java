package io.fleetsim.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code fleetsim bench} needs from the machine it runs on: a line saying what the machine
 * is and how loaded, the benchmark day's file wherever fleetsim is started from, and a new
 * {@code ./fleetsim run} process whose CPU time is read by the shell that starts it.
 */
final class BenchMachine {

    /**
     * One end-to-end run.
     *
     * @param wallSeconds from starting the process to its exit
     * @param cpuSeconds  user plus system CPU of the process and its children
     * @param command     what was run
     */
    record EndToEnd(double wallSeconds, double cpuSeconds, String command) {
    }

    private BenchMachine() {
    }

    /** Processors, load average and Java version, for the head of the output. */
    static String describe() {
        String load = "n/a";
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            load = parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            // not Linux: the load is simply not shown
        }
        return String.format("fleetsim bench: %d processors, load average %s (1, 5, 15 min), Java %s",
                Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"));
    }

    /** {@code file} as given, else relative to the fleetsim checkout the running jar belongs to. */
    static Path resolve(Path file) {
        if (Files.exists(file) || file.isAbsolute()) {
            return file;
        }
        Path root = checkoutRoot();
        return root != null && Files.exists(root.resolve(file)) ? root.resolve(file) : file;
    }

    /**
     * Runs {@code ./fleetsim run} on {@code scenarioText} in a new process, timed by bash's
     * {@code time}; null when there is no jar or launcher to run (e.g. inside the test suite).
     */
    static EndToEnd runCliInNewProcess(String scenarioText) throws IOException, InterruptedException {
        Path root = checkoutRoot();
        Path bash = Path.of("/bin/bash");
        if (root == null || !Files.isExecutable(root.resolve("fleetsim")) || !Files.isExecutable(bash)) {
            return null;
        }
        Path dir = Files.createTempDirectory("fleetsim-bench");
        try {
            Path scenario = dir.resolve("blis-like.yaml");
            Files.writeString(scenario, scenarioText, StandardCharsets.UTF_8);
            Path launcher = root.resolve("fleetsim");
            String script = "TIMEFORMAT='%3R %3U %3S'; { time \"$0\" run \"$1\" --out \"$2\" >/dev/null 2>\"$3\"; } 2>&1";
            Process p = new ProcessBuilder(List.of(bash.toString(), "-c", script, launcher.toString(),
                    scenario.toString(), dir.resolve("out").toString(), dir.resolve("stderr.txt").toString()))
                    .redirectErrorStream(true).start();
            String timing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("./fleetsim run failed in the end-to-end case: "
                        + Files.readString(dir.resolve("stderr.txt")).trim());
            }
            String[] t = timing.substring(timing.lastIndexOf('\n') + 1).trim().split("\\s+");
            return new EndToEnd(Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                    "./fleetsim run blis-like.yaml");
        } finally {
            deleteTree(dir);
        }
    }

    /** The checkout whose {@code reports/target/fleetsim.jar} is running, or null. */
    private static Path checkoutRoot() {
        try {
            Path jar = Path.of(BenchMachine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.getFileName().toString().endsWith(".jar") || jar.getParent() == null) {
                return null;
            }
            Path target = jar.toAbsolutePath().getParent();
            return target.getParent() == null ? null : target.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
