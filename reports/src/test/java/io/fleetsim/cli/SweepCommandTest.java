package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsim sweep}: the files it writes, resuming an interrupted sweep to the same table,
 * and bad {@code --vary} options refused with exit code 2 and a message naming the path.
 */
@Tag("scenario")
class SweepCommandTest {

    private static final String MMC = "scenarios/sweep/mmc-servers.yaml";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path tmp;

    private static CliRunner.Result sweep(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", MMC, "--horizon", "20m", "--replications", "3",
                "--vary", "pools[servers].replicas=5..7", "--constraint", "slo_attainment>=0.99", "--out",
                out.toString(), "--threads", "2"));
        args.addAll(Arrays.asList(more));
        return fleetsim(args.toArray(new String[0]));
    }

    @Test
    void writesTableCsvChartsAndResults() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result r = sweep(out);
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().contains("3 configurations x 3 replications"), r.describe());
        assertTrue(r.out().contains("servers.replicas"), r.describe());
        assertTrue(r.out().contains("Pareto front"), r.describe());
        assertTrue(r.out().contains("9 simulations (9 run, 0 from"), r.describe());

        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(4, csv.size(), "header and one row per configuration");
        for (String column : List.of("pools[servers].replicas", "replications", "constraints", "pareto_front",
                "cost_per_useful_mtok_usd", "cost_per_useful_mtok_usd_ci95", "slo_attainment", "slo_attainment_ci95",
                "ttft_p99_ms", "ttft_p99_ms_ci95", "tpot_p99_ms", "total_cost_usd", "total_cost_usd_ci95",
                "reserved_share", "pool_servers_cost_usd", "pool_servers_cost_usd_ci95")) {
            assertTrue(Arrays.asList(csv.get(0).split(",")).contains(column), column + " in " + csv.get(0));
        }
        assertTrue(csv.get(1).startsWith("5,3,"), csv.get(1));
        for (String png : List.of("cost-vs-slo.png", "cost-vs-reserved-share.png")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4);
            assertArrayEquals(PNG, head, png);
        }
        assertEquals(9, Files.readAllLines(out.resolve("results.jsonl")).size());
        String html = Files.readString(out.resolve("sweep.html"));
        assertTrue(html.contains("<table id=\"table-sweep\">"), "sweep.html has no table");
        assertTrue(html.contains("id='chart-cost-vs-slo'") && html.contains("id='chart-cost-vs-reserved-share'"),
                "sweep.html lacks a chart");
        assertTrue(html.contains("Point labels are each configuration") && html.contains("value of pools[servers].replicas."),
                "point labels unexplained");
        assertTrue(html.contains("total cost over the horizon ($)") && html.contains("SLO attainment (%)"),
                "axes unlabelled");
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void anInterruptedSweepResumesToTheSameTable() throws IOException {
        Path whole = tmp.resolve("whole");
        assertEquals(0, sweep(whole).code());

        // as if killed while writing the 5th result: four whole lines and part of one
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        List<String> lines = Files.readAllLines(whole.resolve("results.jsonl"));
        Files.writeString(cut.resolve("results.jsonl"), String.join("\n", lines.subList(0, 4)) + "\n"
                + lines.get(4).substring(0, lines.get(4).length() / 2), StandardCharsets.UTF_8);
        CliRunner.Result resumed = sweep(cut);
        assertEquals(0, resumed.code(), resumed.describe());
        assertTrue(resumed.out().contains("9 simulations (5 run, 4 from"), resumed.describe());

        for (String file : List.of("sweep.csv", "sweep.txt")) {
            assertEquals(Files.readString(whole.resolve(file)), Files.readString(cut.resolve(file)), file);
        }
        assertEquals(9, Files.readAllLines(cut.resolve("results.jsonl")).size());
    }

    @Test
    void helpIsCleanForBothCommands() {
        for (String command : List.of("sweep", "optimize")) {
            CliRunner.Result r = fleetsim(command, "--help");
            assertEquals(0, r.code(), r.describe());
            assertTrue(r.out().contains("--vary=PATH=VALUES"), r.describe());
            assertEquals("", r.err(), "no picocli warnings: " + r.describe());
        }
    }

    @Test
    void badVaryOptionsAreInvalidInputNamingThePath() {
        Path out = tmp.resolve("bad");
        String[][] cases = {
            {"pools[nope].replicas=1", "--vary pools[nope].replicas", "no element of pools is named 'nope'"},
            {"pools[3].replicas=1", "--vary pools[3].replicas", "pools has 1 element"},
            {"pools[servers].replicas=-2", "pools[0].replicas", "(set by --vary pools[servers].replicas=-2)"},
            {"pools[servers].replicas=two", "must be a whole number", "(set by --vary pools[servers].replicas=two)"},
            {"workload.arrivals.rate_per_s=0", "must be > 0", "(set by --vary workload.arrivals.rate_per_s=0)"},
            {"pools[servers].replicas=8..2", "--vary pools[servers].replicas: range 8..2", "TO must not be less"},
            {"pools[servers].replicas", "--vary pools[servers].replicas", "write PATH=VALUES"},
            {"pools[servers.replicas=2", "--vary pools[servers.replicas", "not a field path"},
            {"seed=1,2", "--vary seed", "replications take their seeds"},
        };
        for (String[] c : cases) {
            CliRunner.Result r = fleetsim("sweep", MMC, "--vary", c[0], "--out", out.toString());
            assertEquals(2, r.code(), c[0] + ": " + r.describe());
            assertTrue(r.err().startsWith("error: "), r.describe());
            assertTrue(r.err().contains(c[1]) && r.err().contains(c[2]), c[0] + ": " + r.describe());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.describe());
        }
        CliRunner.Result r = fleetsim("sweep", MMC, "--vary", "pools[servers].replicas=6", "--constraint", "slo>0.9",
                "--out", out.toString());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--constraint 'slo>0.9'"), r.describe());
        assertFalse(Files.exists(out.resolve("results.jsonl")), "nothing ran");
    }
}
