package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example result of each benchmark client reads as the points it holds; bad files name the field. */
class BenchmarkJsonTest {

    private static final Path EXAMPLES = Path.of("..", "calibration", "examples");
    private static final Deployment D = new Deployment("H100-SXM-80GB", "trtllm", "", "llama-3.1-8b", "bf16", "", "",
            "agg", new Deployment.ParallelLayout(2, 1, 1, 1, 1));

    @TempDir
    Path tmp;

    @Test
    void vllmBenchServe() {
        List<MeasuredPoint> p = BenchmarkJson.read(EXAMPLES.resolve("vllm-bench-serve.json"), D);
        assertEquals(List.of(new MeasuredPoint("vllm-bench-serve.json", 1, D, 1024, 128, 16, 102.819, 6.648)), p);
    }

    @Test
    void guidellmHasOnePointPerBenchmarkAndReadsTheGapAfterTheFirstToken() {
        List<MeasuredPoint> p = BenchmarkJson.read(EXAMPLES.resolve("guidellm-benchmarks.json"), D);
        assertEquals(2, p.size());
        assertEquals(new MeasuredPoint("guidellm-benchmarks.json#0", 1, D, 1024, 128, 1, 96.5, 4.9), p.get(0));
        assertEquals(new MeasuredPoint("guidellm-benchmarks.json#1", 1, D, 1024, 128, 16, 102.819, 6.648), p.get(1));
    }

    @Test
    void aiperf() {
        List<MeasuredPoint> p = BenchmarkJson.read(EXAMPLES.resolve("aiperf-profile_export_aiperf.json"), D);
        assertEquals(List.of(new MeasuredPoint("aiperf-profile_export_aiperf.json", 1, D, 1024, 128, 8, 129.441,
                5.212)), p);
    }

    @Test
    void aRunAtARequestRateIsRefusedNamingTheField() throws IOException {
        Path f = tmp.resolve("rate.json");
        Files.writeString(f, Files.readString(EXAMPLES.resolve("vllm-bench-serve.json"))
                .replace("\"request_rate\": \"inf\"", "\"request_rate\": 4.0"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> BenchmarkJson.read(f, D));
        assertEquals("request_rate", e.fieldPath());
        assertEquals(7, e.line());
    }

    @Test
    void aRunAtARequestRateWithoutACapIsAnOpenLoopPoint() throws IOException {
        Path f = tmp.resolve("rate.json");
        Files.writeString(f, Files.readString(EXAMPLES.resolve("vllm-bench-serve.json"))
                .replace("\"request_rate\": \"inf\"", "\"request_rate\": 4.0")
                .replace("\"max_concurrency\": 16", "\"max_concurrency\": null"));
        MeasuredPoint p = BenchmarkJson.read(f, D).get(0);
        assertEquals(0, p.concurrency());
        assertEquals(new MeasuredPoint.RequestRate(4.0, true), p.arrivals());
    }

    @Test
    void aNegativeOrMissingLatencyNamesItsPath() throws IOException {
        Path f = tmp.resolve("neg.json");
        Files.writeString(f, Files.readString(EXAMPLES.resolve("aiperf-profile_export_aiperf.json"))
                .replace("\"avg\": 129.441", "\"avg\": -1"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> BenchmarkJson.read(f, D));
        assertEquals("time_to_first_token.avg", e.fieldPath());
        assertTrue(e.getMessage().startsWith(f + ":4: time_to_first_token.avg: must be between"), e.getMessage());
        Path g = tmp.resolve("missing.json");
        Files.writeString(g, Files.readString(EXAMPLES.resolve("guidellm-benchmarks.json"))
                .replaceFirst("\"inter_token_latency_ms\"", "\"itl_ms\""));
        e = assertThrows(ScenarioException.class, () -> BenchmarkJson.read(g, D));
        assertEquals("benchmarks[0].metrics", e.fieldPath());
        assertTrue(e.problem().contains("inter_token_latency_ms"), e.problem());
    }
}
