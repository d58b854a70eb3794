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

/**
 * {@code fleetsim optimize} on the shipped sweep scenarios: the M/M/c one, whose answer (6
 * servers, from Erlang C; see the file's comment and the simulator's OptimizerTest) is known, and
 * the LLM mix of reserved, spot and API capacity, which exercises every sensitivity.
 */
@Tag("scenario")
class OptimizeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheServerCountOfTheMmcScenario() throws IOException {
        Path out = tmp.resolve("mmc");
        CliRunner.Result r = fleetsim("optimize", "scenarios/sweep/mmc-servers.yaml", "--horizon", "1h",
                "--vary", "pools[servers].replicas=1..12", "--objective", "cost_per_useful_mtok",
                "--constraint", "slo_attainment>=0.99", "--out", out.toString());
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().contains("Best: pools[servers].replicas=6\n  meets the constraints with 95% confidence"),
                r.describe());
        assertTrue(r.out().contains("traffic +30%") && r.out().contains("spot preemption x2: not applicable"),
                r.describe());
        for (String file : new String[] {"optimize.txt", "optimize.csv", "sensitivity.csv", "cost-vs-slo.png",
            "cost-vs-reserved-share.png", "results.jsonl"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        String html = Files.readString(out.resolve("optimize.html"));
        assertTrue(html.contains("<table id=\"table-optimize\">") && html.contains("<svg"),
                "optimize.html: table, chart");
        assertTrue(html.contains("pools[servers].replicas=6: meets the constraints"), "optimize.html names the best");
        // bisection on 1..12 leaves configurations out: the page names them and says why
        assertTrue(html.contains("Not simulated: ") && html.contains("left out by bisection"), html);
        // a rerun simulates nothing and says the same
        CliRunner.Result again = fleetsim("optimize", "scenarios/sweep/mmc-servers.yaml", "--horizon", "1h",
                "--vary", "pools[servers].replicas=1..12", "--out", out.toString());
        assertTrue(again.out().contains("(0 run,"), again.describe());
        assertEquals(Files.readString(out.resolve("optimize.txt")), again.out().substring(0,
                again.out().indexOf("\n\n", again.out().indexOf("Configurations simulated:")) + 1));
    }

    @Test
    void searchesTheLlmMixAndItsSensitivities() {
        CliRunner.Result r = fleetsim("optimize", "scenarios/sweep/llm-mix.yaml", "--horizon", "10m",
                "--vary", "pools[reserved].replicas=0..2", "--vary", "pools[spot].replicas=0..2",
                "--min-replications", "2", "--replications", "3", "--out", tmp.resolve("llm").toString());
        assertEquals(0, r.code(), r.describe());
        // reserved spills to spot and the API: more replicas do not always serve better, so no bisection
        assertTrue(r.out().contains("every configuration evaluated: pool spot is spot"), r.describe());
        for (String change : new String[] {"traffic -30%", "traffic +30%", "spot preemption x2", "API price -20%",
            "API price +20%", "reserved GPU -20%", "reserved GPU +20%", "SLO targets -20%", "SLO targets +20%"}) {
            assertTrue(r.out().contains(change + " "), change + ": " + r.describe());
        }
        assertTrue(r.out().contains("on-demand GPU +20%: not applicable, no on-demand pool"), r.describe());
    }

    @Test
    void badObjectiveOrReplicationsAreInvalidInput() {
        CliRunner.Result r = fleetsim("optimize", "scenarios/sweep/mmc-servers.yaml", "--objective", "cheapness",
                "--vary", "pools[servers].replicas=5..7");
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--objective: unknown metric 'cheapness'"), r.describe());
        r = fleetsim("optimize", "scenarios/sweep/mmc-servers.yaml", "--min-replications", "1",
                "--vary", "pools[servers].replicas=5..7");
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--min-replications"), r.describe());
    }
}
