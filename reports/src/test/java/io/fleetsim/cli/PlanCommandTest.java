package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetsim plan}: its files, and bad options refused before anything runs. */
@Tag("scenario")
class PlanCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheDecisionTableAndItsFiles() throws IOException {
        Path out = tmp.resolve("plan");
        CliRunner.Result r = fleetsim("plan", "scenarios/sweep/mmc-servers.yaml", "--volumes", "300M,1B",
                "--horizon", "20m", "--out", out.toString());
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().contains("volume/month"), r.describe());
        assertTrue(r.out().contains("Note: all-api: left out, the scenario has no api pool"), r.describe());
        for (String file : new String[] {"plan.txt", "plan.csv", "plan.json", "plan.html", "plan.png", "results.jsonl"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        String csv = Files.readString(out.resolve("plan.csv"));
        assertTrue(csv.startsWith("volume_tokens_per_month,requests_per_s,strategy,verdict,winner,sizing,"), csv);
        assertTrue(Files.readString(out.resolve("plan.html")).contains("<svg"), "the chart is embedded");
    }

    @Test
    void badVolumesAndStrategiesAreInvalidInputNamingTheOption() {
        String[][] cases = {
            {"--volumes", "100B..10M", "--volumes 100B..10M: an empty range"},
            {"--volumes", "0..1B", "--volumes: \"0\" must be a volume above 0"},
            {"--volumes", "-1B", "--volumes: \"-1B\" must be a volume above 0"},
            {"--strategies", "spot+api", "--strategies spot+api: the scenario has no spot pool"},
            {"--strategies", "gpu-farm", "unknown strategy 'gpu-farm'"},
            {"--shape", "wavy", "--shape wavy"},
            {"--slo-target", "99", "--slo-target: a share between 0 and 1"},
        };
        for (String[] c : cases) {
            CliRunner.Result r = fleetsim("plan", "scenarios/sweep/mmc-servers.yaml", c[0], c[1],
                    "--out", tmp.resolve("bad").toString());
            assertEquals(2, r.code(), r.describe());
            assertTrue(r.err().contains(c[2]), c[2] + ": " + r.describe());
            assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.describe());
        }
        assertTrue(!Files.exists(tmp.resolve("bad")), "nothing written");
    }
}
