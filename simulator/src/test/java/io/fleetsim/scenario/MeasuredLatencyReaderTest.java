package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.ApiLatency;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.spec.ServerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API pools with measured latency ({@code api.latency}): an LLMPerf file's successful calls become
 * (TTFT, output speed) pairs, its failed share is the measured error rate, a malformed file is an
 * error naming it, its line and the call, and the block excludes the modelled fields.
 */
class MeasuredLatencyReaderTest {

    private static final String FILE = "scenarios/test.yaml";

    @TempDir
    Path tmp;

    private static String scenario(String latencyFields) {
        return """
                name: t
                horizon: 1m
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1s, tpot: 50ms}
                pools:
                  - name: api
                    kind: api
                    api: {usd_per_mtok_input: 0.88, usd_per_mtok_output: 0.88, %s}
                """.formatted(latencyFields);
    }

    private ApiLatency latency(String latencyFields) {
        ServerSpec server = new ScenarioLoader().bind(SpecDocument.parse(scenario(latencyFields), FILE, false, tmp))
                .pools().get(0).server();
        return assertInstanceOf(ServerSpec.Api.class, server).api().latency();
    }

    private ScenarioException fails(String latencyFields) {
        return assertThrows(ScenarioException.class, () -> latency(latencyFields));
    }

    private void write(String text) throws IOException {
        Files.writeString(tmp.resolve("calls.json"), text);
    }

    /** One LLMPerf call as the file has it (with the fields fleetsim ignores). */
    private static String call(String errorCode, double ttft, double e2e, int outputTokens) {
        return "{\"error_code\": " + errorCode + ", \"error_msg\": \"\", \"inter_token_latency_s\": 0.01,\n"
                + " \"ttft_s\": " + ttft + ", \"end_to_end_latency_s\": " + e2e + ",\n"
                + " \"number_output_tokens\": " + outputTokens + ", \"number_input_tokens\": 550}";
    }

    private static void assertError(ScenarioException e, String file, int line, String path, String... says) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.fieldPath(), e.getMessage());
        for (String s : says) {
            assertTrue(e.problem().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
    }

    @Test
    void successfulCallsBecomePairsAndFailuresTheMeasuredErrorRate() throws IOException {
        write("[\n" + String.join(",\n", call("null", 0.5, 2.5, 101), call("429", 0.1, 0.2, 2),
                call("null", 0.25, 1.25, 51), "{\"ttft_s\": 1.0, \"end_to_end_latency_s\": 3.0,"
                        + " \"number_output_tokens\": 11}") + "\n]\n");
        ApiLatency.Measured m = assertInstanceOf(ApiLatency.Measured.class, latency("latency: {file: calls.json}"));
        // Speed after the first token: (output - 1) / (end to end - TTFT).
        assertEquals(List.of(new ApiLatency.Sample(0.5, 50), new ApiLatency.Sample(0.25, 50),
                new ApiLatency.Sample(1.0, 5)), m.calls());
        assertEquals(0.25, m.measuredErrorRate(), 1e-12);
        assertEquals("scenarios/calls.json", m.source());
    }

    @Test
    void theShippedMeasurementsLoad() {
        Path folder = Path.of("../scenarios").toAbsolutePath().normalize();
        for (String provider : new String[] {"together_70b", "anyscale_70b"}) {
            String yaml = scenario("latency: {file: api-latency/" + provider + ".json}");
            ServerSpec.Api api = (ServerSpec.Api) new ScenarioLoader()
                    .bind(SpecDocument.parse(yaml, "scenarios/shipped.yaml", false, folder)).pools().get(0).server();
            ApiLatency.Measured m = assertInstanceOf(ApiLatency.Measured.class, api.api().latency());
            assertEquals(150, m.calls().size(), provider);
            assertEquals(0, m.measuredErrorRate(), provider);
        }
    }

    @Test
    void theModelledFieldsStayAsTheyWere() {
        assertEquals(new ApiLatency.Modelled(new DurationSpec.Fixed(0.64), 65),
                latency("ttft: {dist: fixed, value: 640ms}, output_tokens_per_s: 65"));
    }

    @Test
    void malformedFilesAreErrorsNamingTheFileLineAndCall() throws IOException {
        String calls = "scenarios/calls.json";
        write("[\n" + call("null", 0.5, 2.5, 101) + ",\n" + call("null", -1, 2.5, 101) + "\n]\n");
        assertError(fails("latency: {file: calls.json}"), calls, 6, "[1].ttft_s", "must be > 0");

        write("[\n" + call("null", 0.5, 0.5, 101) + "\n]\n");
        assertError(fails("latency: {file: calls.json}"), calls, 3, "[0].end_to_end_latency_s",
                "must be more than ttft_s");

        write("[\n" + call("null", 0.5, 2.5, 1) + "\n]\n");
        assertError(fails("latency: {file: calls.json}"), calls, 4, "[0].number_output_tokens",
                "must be between 2 and");

        write("[\n{\"error_code\": null, \"ttft_s\": 0.5, \"number_output_tokens\": 10}\n]\n");
        assertError(fails("latency: {file: calls.json}"), calls, 2, "[0]",
                "missing required field 'end_to_end_latency_s'");

        write("[\n" + call("429", 0.5, 2.5, 101) + "\n]\n");
        assertError(fails("latency: {file: calls.json}"), calls, 1, "", "no successful call", "among its 1 calls");

        write("{\"results_ttft_s_quantiles_p50\": 0.5}\n");
        assertError(fails("latency: {file: calls.json}"), calls, 1, "", "must be a JSON list of calls", "summary");

        write("[\n" + call("null", 0.5, 2.5, 101) + ",\n[1]\n]\n");
        assertError(fails("latency: {file: calls.json}"), calls, 5, "[1]", "must be a measured call");

        write("[\n" + call("null", 0.5, 2.5, 101) + "\n");
        assertError(fails("latency: {file: calls.json}"), calls, 5, "", "not valid JSON");
    }

    @Test
    void latencyReplacesTheModelledFields() throws IOException {
        write("[\n" + call("null", 0.5, 2.5, 101) + "\n]\n");
        assertError(fails("latency: {file: calls.json}, ttft: {dist: fixed, value: 1s}"), FILE, 13,
                "pools[0].api.ttft", "not allowed with 'latency'");
        assertError(fails("latency: {file: calls.json}, output_tokens_per_s: 50"), FILE, 13,
                "pools[0].api.output_tokens_per_s", "not allowed with 'latency'");
        assertError(fails("error_rate: 0"), FILE, 13, "pools[0].api", "missing required field 'ttft'", "'latency'");
        assertError(fails("latency: {file: calls.json, format: llmperf}"), FILE, 13,
                "pools[0].api.latency.format", "unknown field; allowed here: file");
        assertError(fails("latency: {file: nothing.json}"), FILE, 13, "pools[0].api.latency.file",
                "no such file: scenarios/nothing.json");
    }
}
