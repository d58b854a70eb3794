package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report's traffic chart draws capacity in requests per second against arrivals: the
 * replicas up times what one replica completes when overloaded. Checked against an independent
 * measurement: the same four-replica fleet offered twice what it can serve
 * ({@code scenarios/utilization-trap/capacity.yaml}) completes what the capacity line says.
 */
@Tag("scenario")
class CapacityChartTest {

    private static final Pattern PER_REPLICA = Pattern.compile("h100-reserved ([0-9.]+) requests/s");

    @TempDir
    Path tmp;

    @Test
    void capacityIsWhatTheFleetCompletesWhenOverloaded() throws IOException {
        Path dir = Path.of("scenarios", "utilization-trap");
        Path half = tmp.resolve("load-50");
        CliRunner.Result r = CliRunner.fleetsim("run", dir.resolve("load-50.yaml").toString(), "--horizon", "10m",
                "--out", half.toString());
        assertEquals(0, r.code(), r.describe());
        String html = Files.readString(half.resolve("index.html"));
        assertTrue(html.contains(">capacity / s<"), "the traffic chart has no capacity line");
        Matcher m = PER_REPLICA.matcher(html);
        assertTrue(m.find(), "the page names each pool's capacity per replica");
        double fleetCapacity = 4 * Double.parseDouble(m.group(1));

        Path saturated = tmp.resolve("capacity");
        CliRunner.Result s = CliRunner.fleetsim("run", dir.resolve("capacity.yaml").toString(), "--horizon", "10m",
                "--out", saturated.toString());
        assertEquals(0, s.code(), s.describe());
        var report = new ObjectMapper().readTree(saturated.resolve("report.json").toFile());
        double completed = report.get("requests").get("completed").asDouble()
                / report.get("simulated_seconds").asDouble();
        assertEquals(completed, fleetCapacity, 0.1 * completed,
                "4 replicas x one replica's capacity against what 4 replicas complete overloaded");
    }
}
