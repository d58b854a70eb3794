package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.run.DisaggregationResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disaggregated pool's KV transfers and sides in every report file, against a hand-computed
 * case ({@link HandCase1p1d}): three requests of 2,000 prompt tokens, 10 s apart, through one 1P1D deployment of
 * llama-3.1-70b (BF16 KV: 327,680 B per token) on 4 + 4 H100 over InfiniBand (50 GB/s per GPU,
 * 10 µs). The link is idle for each, so every transfer takes 10 µs + 655.36 MB / (4 x 50 GB/s) =
 * 3.2868 ms, and the distribution's mean and every percentile are that. The second request has
 * one output token: it ends on its prefill worker and moves no KV, so transfers = requests decoded = 2.
 */
class KvTransferReportTest {

    private static final double TRANSFER_MS = HandCase1p1d.TRANSFER_MS;
    /** HdrHistogram's percentiles hold 3 significant digits. */
    private static final double PERCENTILE_TOLERANCE_MS = TRANSFER_MS * 1e-3;

    @TempDir
    static Path tmp;
    private static RunResult run;
    private static RunReport report;

    @BeforeAll
    static void runIt() throws IOException {
        Path scenario = HandCase1p1d.disaggregated(tmp);
        ScenarioSpec spec = new ScenarioLoader().load(scenario);
        run = Simulation.run(spec);
        report = new RunReport(spec, run);
    }

    @Test
    void transfersAreTheRequestsDecodedEachAtTheHandComputedTime() {
        assertEquals(3, run.requests().completed(), "the run drains");
        DisaggregationResult d = run.pools().get(0).disaggregation();
        assertEquals(2, d.transfers(), "one transfer per request decoded; the one-token answer moves none");
        assertEquals(d.transfers(), d.transferTimes().count());
        assertEquals(2 * 2000 * 327_680.0, d.transferBytes(), 1e-3);
        assertEquals(TRANSFER_MS, d.transferTimes().meanMs(), 1e-9, "the mean is exact");
        for (double p : List.of(50.0, 90.0, 99.0)) {
            assertEquals(TRANSFER_MS, d.transferTimes().percentileMs(p), PERCENTILE_TOLERANCE_MS, "p" + p);
        }
    }

    @Test
    void reportJsonShowsTheDistributionAndTheHandoff() throws IOException {
        JsonNode d = new ObjectMapper().readTree(JsonReport.render(run)).get("pools").get(0).get("disaggregation");
        JsonNode times = d.get("kv_transfers").get("time_ms");
        assertEquals(2, d.get("kv_transfers").get("count").asLong());
        assertEquals(2, times.get("count").asLong());
        assertEquals(TRANSFER_MS, times.get("mean").asDouble(), 0.0005);
        for (String p : List.of("p50", "p90", "p95", "p99", "max")) {
            assertEquals(TRANSFER_MS, times.get(p).asDouble(), PERCENTILE_TOLERANCE_MS, p);
        }
        assertEquals(200, d.get("handoff").get("latency_ms").asDouble(), 1e-9);
        assertEquals("scenario", d.get("handoff").get("source").asText());
        for (String side : List.of("prefill", "decode")) {
            double u = d.get(side).get("utilization").asDouble();
            double occupancy = d.get(side).get("batch_occupancy").asDouble();
            assertTrue(u > 0 && u < 1 && occupancy > 0 && occupancy <= u, side + ": " + d.get(side));
        }
    }

    @Test
    void summaryCsvCarriesTheSameFiguresOnThePoolRow() {
        String[] lines = CsvTableRenderer.render(RunTables.summary(run)).split("\n");
        List<String> header = Arrays.asList(lines[0].split(",", -1));
        String[] pool = Arrays.stream(lines).filter(l -> l.startsWith("pool,")).findFirst().orElseThrow()
                .split(",", -1);
        DisaggregationResult d = run.pools().get(0).disaggregation();
        assertEquals("2", pool[header.indexOf("kv_transfers")]);
        assertEquals(String.valueOf(2 * 2000 * 327_680L), pool[header.indexOf("kv_transfer_bytes")]);
        for (String p : List.of("mean", "p50", "p90", "p95", "p99", "max")) {
            assertEquals(TRANSFER_MS, Double.parseDouble(pool[header.indexOf("kv_transfer_" + p + "_ms")]),
                    PERCENTILE_TOLERANCE_MS, p);
        }
        assertEquals("200", pool[header.indexOf("handoff_latency_ms")]);
        assertEquals(d.use().prefillUtilization(), Double.parseDouble(pool[header.indexOf("prefill_utilization")]),
                1e-6);
        assertEquals(d.use().decodeOccupancy(), Double.parseDouble(pool[header.indexOf("decode_batch_occupancy")]),
                1e-6);
    }

    @Test
    void summaryTextAndRunPageShowTheTransferTable() {
        String p50 = ValueFormat.FINE_MILLIS.display(run.pools().get(0).disaggregation().transferTimes().p50Ms());
        assertTrue(p50.startsWith("3.28"), p50);
        String text = SummaryTable.render(run);
        String row = text.lines().filter(l -> l.startsWith("pd ") && l.contains("infiniband")).findFirst()
                .orElseThrow();
        assertTrue(row.matches("pd\\s+infiniband\\s+2\\s+1\\s+3\\.287\\s+3\\.28\\d\\s+3\\.28\\d\\s+3\\.28\\d\\s+"
                + "3\\.28\\d\\s+200\\.0"), row);
        assertTrue(text.lines().anyMatch(l -> l.matches("pd\\s+prefill\\s+1\\s+4\\s+.*%.*%")), text);
        String html = RunHtmlReport.render(report, false);
        assertTrue(html.contains("table-kv-transfers") && html.contains("xfer p90"), "the run page's table");
        assertTrue(html.contains(p50), "the run page shows the same p50");
        assertTrue(!html.contains(RunHtmlReport.KV_TRANSFER_CHART_ID), "no chart asked for");
        assertTrue(RunHtmlReport.render(report, true).contains("id='" + RunHtmlReport.KV_TRANSFER_CHART_ID + "'"),
                "the run page draws the distribution");
    }

    @Test
    void aggregatedRunsHaveNoDisaggregationColumns() throws IOException {
        ScenarioSpec spec = new ScenarioLoader().load(HandCase1p1d.aggregated(tmp));
        RunResult plain = Simulation.run(spec);
        assertEquals(3, plain.requests().completed());
        assertTrue(RunTables.kvTransfers(plain).rows().isEmpty());
        assertTrue(RunTables.disaggregatedPools(plain).rows().isEmpty());
        assertTrue(!CsvTableRenderer.render(RunTables.summary(plain)).contains("kv_transfer"));
        assertTrue(!RunHtmlReport.render(new RunReport(spec, plain), true)
                .contains(RunHtmlReport.KV_TRANSFER_CHART_ID), "no KV transfer chart without a disaggregated pool");
    }
}
