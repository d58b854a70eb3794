package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zone outages, deploys and headroom through {@code fleetsim run}: the tables in summary.txt and
 * index.html, the same figures in report.json, and bad values ending with exit 2 and the field named.
 */
@Tag("scenario")
class DisruptionsCliTest {

    private static final Path N_PLUS_2 = Path.of("scenarios", "economics", "zone-outage-n-plus-2.yaml");

    @TempDir
    Path tmp;

    @Test
    void theOutageAndTheHeadroomAreInEveryReport() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.fleetsim("run", N_PLUS_2.toString(), "--horizon", "5m", "--no-charts", "--out",
                out.toString());
        assertEquals(0, r.code(), r.describe());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode d = report.get("disruptions").get(0);
        assertEquals("zone_outage", d.get("kind").asText());
        assertEquals(180, d.get("start_s").asDouble(), 1e-9);
        // Still on at the end of the 5 minutes: 2 replicas x 2 minutes.
        assertFalse(d.get("ended").asBoolean());
        assertEquals(2 * 2 / 60.0, d.get("replica_hours_out").asDouble(), 1e-6);
        JsonNode h = report.get("pools").get(0).get("headroom");
        assertEquals(2, h.get("spare_replicas").asInt());
        // 2 spares x 4 GPUs x 5 minutes x $2.99 (reserved: paid whether up or down).
        assertEquals(2 * 4 * 5 / 60.0 * 2.99, h.get("cost_usd").asDouble(), 1e-3);
        String summary = Files.readString(out.resolve("summary.txt"));
        assertTrue(summary.contains("zone_outage  h100-reserved  zone-a"), summary);
        assertTrue(summary.contains("N+50% (2)"), summary);
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("table-disruptions") && page.contains("table-headroom"));
    }

    @Test
    void aShareAboveOneExitsTwoNamingTheField() throws IOException {
        String text = Files.readString(N_PLUS_2).replace("share: 0.33", "share: 1.2");
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, text);
        Path out = tmp.resolve("bad-out");
        CliRunner.Result r = CliRunner.fleetsim("run", file.toString(), "--out", out.toString());
        assertEquals(FleetsimCommand.EXIT_INVALID_INPUT, r.code(), r.describe());
        assertTrue(r.err().contains(file + ":") && r.err().contains("pools[0].zone_outages[0].share: must be a share "
                + "in (0, 1]"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out.resolve("report.json")));
    }
}
