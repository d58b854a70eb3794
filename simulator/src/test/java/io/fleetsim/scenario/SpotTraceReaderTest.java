package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.SpotSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spot pools replaying a measured trace ({@code spot.trace}): known ticks give exact interruption
 * times and unavailable windows (shifted by start, stretched by time_scale, opened at the notice),
 * a file of several zones needs a zone that exists, and a malformed file is an error naming it.
 */
class SpotTraceReaderTest {

    private static final String FILE = "scenarios/test.yaml";

    /** Ten 10-second ticks: unavailable at 20-40 s, 50-60 s and 80-100 s. */
    private static final String TEN_TICKS = "{\"metadata\": {\"gap_seconds\": 10},\n"
            + " \"data\": [0, 0, 1, 1, 0, 1, 0, 0, 1, 1]}\n";

    @TempDir
    Path tmp;

    private static String scenario(String horizon, String spot) {
        return """
                name: t
                horizon: %s
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1s, tpot: 50ms}
                pools:
                  - name: spot
                    kind: spot
                    replicas: 1
                    gpu: H100-SXM-80GB
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 2.5
                    spot: %s
                """.formatted(horizon, spot);
    }

    private SpotSpec spot(String horizon, String spot) {
        return new ScenarioLoader().bind(SpecDocument.parse(scenario(horizon, spot), FILE, false, tmp))
                .pools().get(0).capacity().spot();
    }

    private SpotSpec spot(String spot) {
        return spot("1m", spot);
    }

    private ScenarioException fails(String horizon, String spot) {
        return assertThrows(ScenarioException.class, () -> spot(horizon, spot));
    }

    private ScenarioException fails(String spot) {
        return fails("1m", spot);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(tmp.resolve(name), text);
    }

    private static List<SpotSpec.Window> windows(double... bounds) {
        SpotSpec.Window[] out = new SpotSpec.Window[bounds.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SpotSpec.Window(bounds[2 * i], bounds[2 * i + 1]);
        }
        return List.of(out);
    }

    private static void assertError(ScenarioException e, String file, int line, String path, String... says) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.fieldPath(), e.getMessage());
        for (String s : says) {
            assertTrue(e.problem().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- ticks to events

    @Test
    void eachUnavailableRunIsOneInterruptionAndOneWindow() throws IOException {
        write("trace.json", TEN_TICKS);
        SpotSpec s = spot("{notice: 0s, trace: {file: trace.json}}");
        assertEquals(List.of(20.0, 50.0, 80.0), s.interruptions());
        assertEquals(windows(20, 40, 50, 60, 80, 100), s.unavailable());
        assertEquals(100, s.replayedUntilSeconds());
        assertEquals(0, s.meanSecondsBetweenInterruptions());
        assertEquals("trace scenarios/trace.json", s.source());
        assertTrue(s.availableAt(19.9) && !s.availableAt(20) && !s.availableAt(39.9) && s.availableAt(40));
    }

    @Test
    void windowsOpenAtTheNoticeAndMergeWhenTheyTouch() throws IOException {
        write("trace.json", TEN_TICKS);
        // A 5 s notice: each window opens 5 s before its interruption.
        SpotSpec s = spot("{notice: 5s, trace: {file: trace.json}}");
        assertEquals(List.of(20.0, 50.0, 80.0), s.interruptions());
        assertEquals(windows(15, 40, 45, 60, 75, 100), s.unavailable());
        // A 10 s notice reaches back over the 10 s of capacity between the first two runs.
        s = spot("{notice: 10s, trace: {file: trace.json}}");
        assertEquals(List.of(20.0, 50.0, 80.0), s.interruptions());
        assertEquals(windows(10, 60, 70, 100), s.unavailable());
    }

    @Test
    void startAndTimeScaleShiftAndStretchTheTrace() throws IOException {
        write("trace.json", TEN_TICKS);
        // From 25 s of recorded time, each recorded second lasting 2: the run in progress at the
        // start interrupts at once; the others move to (50 - 25) x 2 = 50 and (80 - 25) x 2 = 110.
        SpotSpec s = spot("2m", "{notice: 0s, trace: {file: trace.json, start: 25s, time_scale: 2}}");
        assertEquals(List.of(0.0, 50.0, 110.0), s.interruptions());
        assertEquals(windows(0, 30, 50, 70, 110, 150), s.unavailable());
        assertEquals(150, s.replayedUntilSeconds());
        assertEquals("trace scenarios/trace.json from 25s, time x2.0", s.source());
    }

    @Test
    void traceEventsAddToWrittenOnesAndToTheRate() throws IOException {
        write("trace.json", TEN_TICKS);
        SpotSpec s = spot("{mean_time_between_interruptions: 6h, notice: 0s, interruptions: [30s],"
                + " unavailable: [{start: 0s, end: 5s}], trace: {file: trace.json}, source: measured}");
        assertEquals(6 * 3600, s.meanSecondsBetweenInterruptions());
        assertEquals(List.of(20.0, 30.0, 50.0, 80.0), s.interruptions());
        assertEquals(windows(0, 5, 20, 40, 50, 60, 80, 100), s.unavailable());
        assertEquals("measured", s.source());
    }

    @Test
    void aZoneIsPickedFromATraceOfSeveralZones() throws IOException {
        write("zones.json", "{\n\"us-east-1c\": {\"metadata\": {\"gap_seconds\": 60}, \"data\": [1, 0, 0]},\n"
                + "\"us-west-2b\": {\"metadata\": {\"gap_seconds\": 60}, \"data\": [0, 0, 1],"
                + " \"prices\": [1, 1, 1]}\n}\n");
        SpotSpec east = spot("{notice: 0s, trace: {file: zones.json, zone: us-east-1c}}");
        assertEquals(List.of(0.0), east.interruptions());
        assertEquals(windows(0, 60), east.unavailable());
        SpotSpec west = spot("2m", "{notice: 0s, trace: {file: zones.json, zone: us-west-2b}}");
        assertEquals(List.of(120.0), west.interruptions());
        assertEquals(windows(120, 180), west.unavailable());
        assertEquals("trace scenarios/zones.json zone us-west-2b", west.source());

        assertError(fails("{trace: {file: zones.json}}"), FILE, 17, "pools[0].spot.trace",
                "missing required field 'zone'", "us-east-1c, us-west-2b");
        assertError(fails("{trace: {file: zones.json, zone: us-west-2a}}"), FILE, 17, "pools[0].spot.trace.zone",
                "no zone 'us-west-2a' in scenarios/zones.json", "its zones are: us-east-1c, us-west-2b");
        write("trace.json", TEN_TICKS);
        assertError(fails("{trace: {file: trace.json, zone: us-east-1c}}"), FILE, 17, "pools[0].spot.trace.zone",
                "holds a single trace", "remove zone");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void malformedTraceFilesAreErrorsNamingTheFile() throws IOException {
        String trace = "scenarios/trace.json";
        write("trace.json", "{\"metadata\": {\"gap_seconds\": 10},\n \"data\": [0, 1,\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 3, "", "not valid JSON");

        write("trace.json", "{\"metadata\": {\"gap_seconds\": 10},\n \"data\": [0, 1, 2, 0]}\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 2, "data[2]",
                "must be 0 (spot available) or 1", "got 2", "multi-node");

        write("trace.json", "{\"metadata\": {\"gap_seconds\": 10},\n \"data\": [0, \"x\"]}\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 2, "data[1]", "must be a number");

        write("trace.json", "{\"metadata\": {\"gap\": 10},\n \"data\": [0, 1]}\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 1, "metadata",
                "missing required field 'gap_seconds'");

        write("trace.json", "{\"metadata\": {\"gap_seconds\": 0},\n \"data\": [0, 1]}\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 1, "metadata.gap_seconds", "must be > 0");

        write("trace.json", "{\"metadata\": {\"gap_seconds\": 10},\n \"data\": []}\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 2, "data", "has no ticks");

        write("trace.json", "[0, 1]\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 1, "", "must be a JSON object");

        write("trace.json", "{}\n");
        assertError(fails("{trace: {file: trace.json}}"), trace, 1, "", "holds no trace");

        write("trace.json", "{\"us-east-1c\": [0, 1]}\n");
        assertError(fails("{trace: {file: trace.json, zone: us-east-1c}}"), trace, 1, "us-east-1c",
                "must be a trace");

        assertError(fails("{trace: {file: missing.json}}"), FILE, 17, "pools[0].spot.trace.file",
                "no such file: scenarios/missing.json");
    }

    @Test
    void theTraceBlockIsCheckedAgainstTheTraceAndTheHorizon() throws IOException {
        write("trace.json", TEN_TICKS);
        assertError(fails("{trace: {file: trace.json, start: 100s}}"), FILE, 17, "pools[0].spot.trace.start",
                "must be before the end of the trace", "covers 1.7m");
        assertError(fails("{trace: {file: trace.json, time_scale: 0}}"), FILE, 17,
                "pools[0].spot.trace.time_scale", "must be > 0");
        assertError(fails("{trace: {file: trace.json, zones: a}}"), FILE, 17, "pools[0].spot.trace.zones",
                "unknown field; did you mean 'zone'? allowed here: file, zone, start, time_scale");
        // 100 s of trace from 50 s leaves 50 s: a 1-minute run would outlast it.
        assertError(fails("{trace: {file: trace.json, start: 50s}}"), FILE, 17, "pools[0].spot.trace",
                "runs out 50s into the run, before the horizon (1m)");
        assertEquals(List.of(0.0, 30.0), spot("50s", "{notice: 0s, trace: {file: trace.json, start: 50s}}")
                .interruptions());
    }

    // ---------------------------------------------------------------- the shipped traces

    @Test
    void theShippedPreemptionTracesReplayAsMeasured() {
        // Unavailable runs and share of unavailable ticks per zone, counted from the upstream files.
        String[] zones = {"us-east-1c", "us-east-1f", "us-west-2b", "us-west-2c"};
        int[] runs = {41, 60, 45, 58};
        double[] unavailableShare = {0.31, 0.59, 0.79, 0.73};
        Path folder = Path.of("../scenarios").toAbsolutePath().normalize();
        for (int z = 0; z < zones.length; z++) {
            String yaml = scenario("7d", "{notice: 0s, trace: {file: "
                    + "spot-traces/aws-p3.2xlarge-preemption-2023-04-22.json, zone: " + zones[z] + "}}");
            SpotSpec s = new ScenarioLoader().bind(SpecDocument.parse(yaml, "scenarios/shipped.yaml", false, folder))
                    .pools().get(0).capacity().spot();
            assertEquals(19_961 * 32, s.replayedUntilSeconds(), zones[z]);
            assertEquals(runs[z], s.interruptions().size(), zones[z]);
            double down = s.unavailable().stream().mapToDouble(w -> w.endSeconds() - w.startSeconds()).sum();
            assertEquals(unavailableShare[z], down / s.replayedUntilSeconds(), 0.005, zones[z]);
        }
    }
}
