package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.report.RequestCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --requests-out}: one row per finished request, agreeing with report.json's counts and latencies. */
@Tag("scenario")
class RequestsOutTest {

    @TempDir
    Path tmp;

    @Test
    void everyFinishedRequestIsARowThatAgreesWithTheReport() throws Exception {
        Path csv = tmp.resolve("requests.csv");
        CliRunner.Result r = CliRunner.fleetsim("run", "scenarios/quickstart.yaml", "--horizon", "5m", "--out",
                tmp.resolve("out").toString(), "--requests-out", csv.toString());
        assertEquals(0, r.code(), r.describe());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(RequestCsv.HEADER, lines.get(0));
        JsonNode req = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile()).get("requests");
        long finished = req.get("completed").asLong() + req.get("rejected").asLong() + req.get("cancelled").asLong();
        assertEquals(finished, lines.size() - 1, "one row per finished request");
        List<String[]> completed = lines.stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> f[10].equals("completed")).toList();
        assertEquals(req.get("completed").asLong(), completed.size());
        long late = completed.stream().filter(f -> f[11].equals("outside_slo")).count();
        assertEquals(req.get("completed").asLong() - req.get("within_slo").asLong(), late);
        double[] ttft = completed.stream().mapToDouble(f -> Double.parseDouble(f[7])).sorted().toArray();
        double p50 = ttft[(int) Math.ceil(0.5 * ttft.length) - 1];
        JsonNode latency = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile()).get("latency_ms");
        assertEquals(latency.get("ttft").get("p50").asDouble(), p50, 0.01 * p50, "p50 TTFT from the rows");
        assertTrue(Arrays.stream(ttft).allMatch(v -> v > 0));
        assertEquals(List.of(), Files.list(tmp).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
                .toList(), "no partial file left");
    }
}
