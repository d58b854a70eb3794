package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import io.fleetsim.report.HandCase1p1d;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} and {@code optimize} show a disaggregated pool's split: workers per side, each
 * side's utilization and the KV transfer time, on the run report tests' hand case
 * ({@link HandCase1p1d}: every KV transfer crosses an idle InfiniBand link in 10 µs + 655.36 MB /
 * (4 x 50 GB/s) = 3.2868 ms, so p50 = p90 = 3.287 ms) beside the same traffic on an aggregated
 * replica, which has no split.
 */
class DisaggregatedSplitCliTest {

    private static final double TRANSFER_MS = HandCase1p1d.TRANSFER_MS;

    @TempDir
    static Path tmp;
    private static Path disaggregated;
    private static Path aggregated;

    @BeforeAll
    static void scenarios() throws IOException {
        disaggregated = HandCase1p1d.disaggregated(tmp);
        aggregated = HandCase1p1d.aggregated(tmp);
    }

    @Test
    void compareShowsTheSplitOfTheDisaggregatedStrategyOnly() throws IOException {
        Path out = tmp.resolve("compare");
        CliRunner.Result r = fleetsim("compare", aggregated.toString(), disaggregated.toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.describe());
        List<String> rows = r.out().lines().filter(l -> l.matches("(agg|pd)\\s+pd\\s+\\d.*")).toList();
        assertEquals(1, rows.size(), "one split row, the disaggregated strategy's: " + r.out());
        assertTrue(rows.get(0).matches("pd\\s+pd\\s+1\\s+1\\s+1\\s+\\d+\\.\\d\\d%\\s+\\d+\\.\\d\\d%\\s+3\\.28\\d\\s+"
                + "3\\.28\\d"), rows.get(0));

        String[] csv = Files.readString(out.resolve("compare.csv")).split("\n");
        List<String> header = Arrays.asList(csv[0].split(",", -1));
        String[] agg = csv[1].split(",", -1);
        String[] pd = csv[2].split(",", -1);
        assertEquals("1", pd[header.indexOf("prefill_workers_pd")]);
        assertEquals("1", pd[header.indexOf("decode_workers_pd")]);
        assertEquals("", agg[header.indexOf("decode_workers_pd")], "the aggregated strategy has no sides");
        assertEquals(TRANSFER_MS, Double.parseDouble(pd[header.indexOf("kv_transfer_p90_ms_pd")]), TRANSFER_MS * 1e-3);
        assertEquals("2", pd[header.indexOf("kv_transfers_pd")]);

        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        JsonNode side = json.get("strategies").get(1).get("disaggregation_by_pool").get("pd");
        JsonNode report = new ObjectMapper().readTree(out.resolve("pd").resolve("report.json").toFile())
                .get("pools").get(0).get("disaggregation");
        assertEquals(report, side, "compare.json carries report.json's figures");
        assertTrue(!json.get("strategies").get(0).has("disaggregation_by_pool"));
        String html = Files.readString(out.resolve("compare.html"));
        assertTrue(html.contains("table-compare-split") && html.contains("decode util"), "the page's split table");
    }

    @Test
    void optimizeShowsTheSplitOfTheBestAndOfEveryConfiguration() throws IOException {
        Path out = tmp.resolve("optimize");
        String[] args = {"optimize", disaggregated.toString(), "--vary",
            "pools[pd].disaggregation.prefill.replicas=1,2", "--min-replications", "2", "--replications", "2",
            "--no-sensitivity", "--constraint", "slo_attainment>=0.5", "--out", out.toString()};
        CliRunner.Result r = fleetsim(args);
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().contains("Best: pools[pd].disaggregation.prefill.replicas=1"), r.describe());
        assertTrue(r.out().contains("pool pd split                1 x 1P1D"), r.describe());
        for (String line : List.of("prefill utilization", "decode utilization", "kv transfer p50 ms",
            "kv transfer p90 ms")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("    " + line)), line + ": " + r.describe());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("    kv transfer p90 ms\\s+3\\.28\\d.*")), r.describe());
        String table = r.out().substring(r.out().indexOf("Configurations simulated:"));
        assertTrue(table.contains("prefill util") && table.contains("decode util") && table.contains("xfer p90"),
                table);

        String[] csv = Files.readString(out.resolve("optimize.csv")).split("\n");
        List<String> header = Arrays.asList(csv[0].split(",", -1));
        for (int i = 1; i <= 2; i++) {
            String[] row = csv[i].split(",", -1);
            assertEquals(String.valueOf(i), row[header.indexOf("pool_pd_prefill_workers")]);
            double prefill = Double.parseDouble(row[header.indexOf("pool_pd_prefill_utilization")]);
            assertTrue(prefill > 0 && prefill < 1, "prefill utilization " + prefill);
        }
        // resumed from results.jsonl: the sides read back as they were written
        CliRunner.Result again = fleetsim(args);
        assertTrue(again.out().contains("(0 run,"), again.describe());
        assertEquals(Files.readString(out.resolve("optimize.txt")), again.out().substring(0,
                again.out().indexOf("\n\n", again.out().indexOf("Configurations simulated:")) + 1));
    }
}
