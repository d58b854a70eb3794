package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsim trace stats|fit} on the shipped traces, run in-process from the repository root:
 * stats counts the file's rows and writes a PNG, fit prints a workload that validates inside a
 * scenario, and bad input is exit code 2 with a one-line message.
 */
@Tag("scenario")
class TraceCommandTest {

    private static final Path TRACES = Path.of("scenarios/traces");
    private static final Path CONV = TRACES.resolve("azure-llm-2023/AzureLLMInferenceTrace_conv.csv");
    private static final Path CODE = TRACES.resolve("azure-llm-2023/AzureLLMInferenceTrace_code.csv");
    private static final Path MOONCAKE = TRACES.resolve("mooncake-fast25/conversation_trace_first5min.jsonl");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** What a scenario needs besides the workload block. */
    private static final String HEADER = "name: fitted\nseed: 3\nhorizon: 2m\n";
    private static final String POOLS = """
            pools:
              - name: p
                kind: reserved
                replicas: 2
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 2.99
            """;

    @TempDir
    Path tmp;

    private static long dataRows(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count()
                - (file.toString().endsWith(".csv") ? 1 : 0);
    }

    // ---------------------------------------------------------------- stats

    @Test
    void statsOnTheAzureTracePrintsTheFilesRequestCountAndWritesThePngChart() throws IOException {
        Result r = fleetsim("trace", "stats", CONV.toString(), "--out", tmp.toString());
        assertEquals(0, r.code(), r.describe());
        long rows = dataRows(CONV);
        assertEquals(19_366, rows);
        assertTrue(r.out().contains(String.format("Requests %,d over 58.4m", rows)), r.describe());
        assertTrue(r.out().contains("per minute"), r.describe());
        assertTrue(r.out().contains("Inter-arrival CV 1.094"), r.describe());
        byte[] png = Files.readAllBytes(tmp.resolve("rate.png"));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8), "a PNG file");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("rate.png")), files.toList(), "only the chart, no temporary files");
        }
    }

    @Test
    void statsOnMooncakeReportsPrefixReuse() throws IOException {
        Result r = fleetsim("trace", "stats", MOONCAKE.toString(), "--out", tmp.toString());
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().contains(String.format("Requests %,d", dataRows(MOONCAKE))), r.describe());
        assertTrue(r.out().contains("prefix reuse"), r.describe());
    }

    // ---------------------------------------------------------------- fit

    private Result validateWith(String workload) throws IOException {
        Path scenario = tmp.resolve("fitted.yaml");
        Files.writeString(scenario, HEADER + workload + POOLS);
        return fleetsim("validate", scenario.toString());
    }

    @Test
    void fitOutputValidatesAsPartOfAScenario() throws IOException {
        for (Path trace : List.of(CONV, CODE, MOONCAKE)) {
            Result fit = fleetsim("trace", "fit", trace.toString());
            assertEquals(0, fit.code(), fit.describe());
            assertTrue(fit.out().contains("\nworkload:\n"), fit.describe());
            Result valid = validateWith(fit.out());
            assertEquals(0, valid.code(), trace + "\n" + fit.out() + valid.describe());
        }
        Result conv = fleetsim("trace", "fit", CONV.toString());
        assertTrue(conv.out().contains("process: poisson\n    rate_per_s: 5.53"), conv.describe());
        assertTrue(conv.out().contains("prompt_tokens: {dist: lognormal, median: 1020, p99: 4142, max: 14050}"),
                conv.describe());
    }

    @Test
    void fitOfATwoDayCsvGivesAnHourlyProfileThatValidates() throws IOException {
        StringBuilder csv = new StringBuilder("ts_ms,in,out\n");
        long ms = 0;
        for (int hour = 0; hour < 48; hour++) {
            int n = 200 + 100 * (hour % 24 >= 9 && hour % 24 < 17 ? 3 : 0);
            for (int i = 0; i < n; i++) {
                csv.append(ms + (long) (i * 3_600_000.0 / n)).append(',').append(100 + i % 50).append(",20\n");
            }
            ms += 3_600_000;
        }
        Path file = tmp.resolve("two-days.csv");
        Files.writeString(file, csv);
        Result fit = fleetsim("trace", "fit", file.toString(), "--format", "csv", "--timestamp-column", "ts_ms",
                "--timestamp-unit", "ms", "--prompt-column", "in", "--output-column", "out");
        assertEquals(0, fit.code(), fit.describe());
        assertTrue(fit.out().contains("    diurnal:\n      start_hour: 0.00\n      hourly: ["), fit.describe());
        Result valid = validateWith(fit.out());
        assertEquals(0, valid.code(), fit.out() + valid.describe());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void aMalformedTraceIsExitTwoNamingFileAndRow() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\n"
                + "2023-11-16 18:15:50.9951690,396,lots\n");
        Result r = fleetsim("trace", "stats", bad.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(FleetsimCommand.EXIT_INVALID_INPUT, r.code(), r.describe());
        assertEquals("error: " + bad + ":3: row 2, column GeneratedTokens: must be a whole number of tokens >= 0 "
                + "(got \"lots\")", r.oneErrorLine());
        Path empty = tmp.resolve("empty.jsonl");
        Files.writeString(empty, "");
        Result e = fleetsim("trace", "fit", empty.toString());
        assertEquals(FleetsimCommand.EXIT_INVALID_INPUT, e.code(), e.describe());
        assertEquals("error: " + empty + ": the trace has no requests", e.oneErrorLine());
    }

    @Test
    void badFormatOptionsAreExitTwo() {
        Result r = fleetsim("trace", "stats", CONV.toString(), "--format", "parquet");
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--format: must be one of azure2023, mooncake, csv"), r.describe());
        Result c = fleetsim("trace", "fit", CONV.toString(), "--format", "csv", "--timestamp-column", "TIMESTAMP");
        assertEquals(2, c.code(), c.describe());
        assertTrue(c.err().contains("--format csv needs"), c.describe());
    }

    // ---------------------------------------------------------------- shipped replay scenario

    @Test
    void theAzureReplayScenarioReplaysExactlyTheTracesArrivals() throws IOException {
        Path out = tmp.resolve("replay");
        Result r = fleetsim("run", "scenarios/azure-conv-replay.yaml", "--out", out.toString(), "--horizon", "2m");
        assertEquals(0, r.code(), r.describe());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> lines = Files.readAllLines(CONV, StandardCharsets.UTF_8);
        LocalDateTime first = LocalDateTime.parse(lines.get(1).split(",")[0].replace(' ', 'T'));
        long within = lines.stream().skip(1).map(l -> LocalDateTime.parse(l.split(",")[0].replace(' ', 'T')))
                .filter(t -> Duration.between(first, t).toNanos() < 120_000_000_000L).count();
        assertEquals(within, report.get("requests").get("arrived").asLong(), "arrivals in the first 2 minutes");
    }
}
