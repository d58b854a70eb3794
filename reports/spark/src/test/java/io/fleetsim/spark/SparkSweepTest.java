package io.fleetsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.cli.FleetsimCommand;
import io.fleetsim.sweep.BatchProgress;
import io.fleetsim.sweep.ClusterSettings;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Grid;
import io.fleetsim.sweep.PointExecutor;
import io.fleetsim.sweep.PointResult;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.SweepSpec;
import io.fleetsim.sweep.UnitFailedException;
import io.fleetsim.sweep.WorkUnit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark executor gives what the local thread pool gives, byte for byte, resumes from the
 * results file, retries failing tasks and names a unit that keeps failing; an unreachable master
 * is exit code 2 with one line.
 */
@Tag("scenario")
class SparkSweepTest {

    private static final String MMC = "scenarios/sweep/mmc-servers.yaml";
    /** Queueing servers whose requests take their lengths from a dataset file beside the scenario. */
    private static final String WITH_DATASET = """
            name: lengths
            seed: 3
            horizon: 10m
            workload:
              arrivals: {process: poisson, rate_per_s: 4}
              routes:
                - name: jobs
                  lengths: {dist: dataset, file: data/lengths.csv, prompt_column: p, output_column: o}
                  slo: {ttft: 8s, tpot: 1s}
            pools:
              - name: servers
                kind: reserved
                replicas: 5
                usd_per_gpu_hour: 1.0
                service_time: {dist: exponential, mean: 1s}
            """;

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private static Result fleetsim(String... args) {
        var cl = FleetsimCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Result sweep(String scenario, Path out, String... executor) {
        List<String> args = new ArrayList<>(List.of("sweep", scenario, "--horizon", "10m", "--replications", "2",
                "--vary", "pools[0].replicas=5..7", "--constraint", "slo_attainment>=0.9", "--out", out.toString(),
                "--threads", "2"));
        args.addAll(List.of(executor));
        return fleetsim(args.toArray(new String[0]));
    }

    @Test
    void aSweepOnLocal2IsByteIdenticalToLocalThreadsAndResumes() throws IOException {
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        Result l = sweep(MMC, local);
        assertEquals(0, l.code(), l.describe());
        Result s = sweep(MMC, spark, "--executor", "spark", "--master", "local[2]");
        assertEquals(0, s.code(), s.describe());
        assertTrue(s.out().contains("6 simulations (6 run, 0 from") && s.out().contains("on Spark local[2]"),
                s.describe());
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.csv")), Files.readAllBytes(spark.resolve("sweep.csv")));
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.txt")), Files.readAllBytes(spark.resolve("sweep.txt")));
        assertEquals(6, Files.readAllLines(spark.resolve("results.jsonl")).size());

        // a driver killed after four results: the rerun computes only the other two
        Path log = spark.resolve("results.jsonl");
        Files.write(log, Files.readAllLines(log).subList(0, 4));
        Files.delete(spark.resolve("sweep.csv"));
        Result again = sweep(MMC, spark, "--executor", "spark", "--master", "local[2]");
        assertEquals(0, again.code(), again.describe());
        assertTrue(again.out().contains("6 simulations (2 run, 4 from"), again.describe());
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.csv")), Files.readAllBytes(spark.resolve("sweep.csv")));
    }

    @Test
    void optimizeOnSparkChoosesLikeLocalThreads() throws IOException {
        List<String> common = List.of("optimize", MMC, "--horizon", "10m", "--vary", "pools[0].replicas=4..9",
                "--no-sensitivity", "--threads", "2");
        List<String> local = new ArrayList<>(common);
        local.addAll(List.of("--out", tmp.resolve("l").toString()));
        List<String> spark = new ArrayList<>(common);
        spark.addAll(List.of("--out", tmp.resolve("s").toString(), "--executor", "spark", "--master", "local[2]"));
        Result l = fleetsim(local.toArray(new String[0]));
        assertEquals(0, l.code(), l.describe());
        Result s = fleetsim(spark.toArray(new String[0]));
        assertEquals(0, s.code(), s.describe());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("l/optimize.csv")), Files.readAllBytes(tmp.resolve("s/optimize.csv")));
    }

    @Test
    void aScenarioWithADatasetRunsOnSparkLikeLocallyAndANewDatasetIsRunAgain() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("scenario/data")).resolve("lengths.csv");
        Files.writeString(data, "p,o\n100,100\n300,50\n50,400\n");
        Path scenario = tmp.resolve("scenario/lengths.yaml");
        Files.writeString(scenario, WITH_DATASET);
        Result l = sweep(scenario.toString(), tmp.resolve("l"));
        assertEquals(0, l.code(), l.describe());
        Result s = sweep(scenario.toString(), tmp.resolve("s"), "--executor", "spark", "--master", "local[2]");
        assertEquals(0, s.code(), s.describe());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("l/sweep.csv")), Files.readAllBytes(tmp.resolve("s/sweep.csv")));

        Files.writeString(data, "p,o\n100,100\n300,50\n50,401\n");
        Result changed = sweep(scenario.toString(), tmp.resolve("s"), "--executor", "spark", "--master", "local[2]");
        assertEquals(0, changed.code(), changed.describe());
        assertTrue(changed.out().contains("6 simulations (6 run, 0 from"), "a changed dataset is not resumed: "
                + changed.describe());
    }

    private static SweepSpec smallSpec() {
        return SweepSpec.validated(ScenarioText.read(Path.of(MMC)), 300.0, null,
                new Grid(List.of(Dimension.parse("pools[servers].replicas=5,6"))), List.of());
    }

    private static List<WorkUnit> units(SweepSpec spec) {
        List<WorkUnit> units = new ArrayList<>();
        spec.grid().configurations().forEach(c -> units.addAll(spec.units(c, 0, 2)));
        return units;
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndOneThatKeepsFailingIsNamed() throws Exception {
        SweepSpec spec = smallSpec();
        List<WorkUnit> units = units(spec);
        List<PointResult> expected;
        try (ResultsLog log = ResultsLog.open(tmp.resolve("local.jsonl")); PointExecutor local = new PointExecutor(1, log)) {
            expected = local.run(units, BatchProgress.NONE);
        }
        UnitTask.Runner flaky = (json, attempt) -> {
            if (attempt == 0) {
                throw new IllegalStateException("executor lost");
            }
            return UnitTask.SIMULATE.run(json, attempt);
        };
        ClusterSettings twoTries = new ClusterSettings("local[2,2]", Map.of(), "retry test");
        try (ResultsLog log = ResultsLog.open(tmp.resolve("flaky.jsonl"));
             SparkUnitExecutor spark = SparkUnitExecutor.open(twoTries, log, flaky)) {
            assertEquals(expected, spark.run(units, BatchProgress.NONE), "every unit succeeded on its second attempt");
        }

        String doomed = SweepJsonOf.unit(units.get(3));
        UnitTask.Runner broken = (json, attempt) -> {
            if (json.equals(doomed)) {
                throw new IllegalStateException("out of memory, say");
            }
            return UnitTask.SIMULATE.run(json, attempt);
        };
        Path brokenLog = tmp.resolve("broken.jsonl");
        try (ResultsLog log = ResultsLog.open(brokenLog);
             SparkUnitExecutor spark = SparkUnitExecutor.open(twoTries, log, broken)) {
            UnitFailedException e = assertThrows(UnitFailedException.class, () -> spark.run(units, BatchProgress.NONE));
            assertEquals("configuration pools[servers].replicas=6 replication 1 failed 2 times: "
                    + "java.lang.IllegalStateException: out of memory, say", e.getMessage());
        }
        assertEquals(3, Files.readAllLines(brokenLog).size(), "the units that succeeded were logged for a rerun");
    }

    @Test
    void anUnreachableMasterIsExitCode2WithOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = sweep(MMC, tmp.resolve("x"), "--executor", "spark", "--master", "spark://127.0.0.1:" + port);
        assertEquals(2, r.code(), r.describe());
        assertEquals(1, r.err().strip().lines().count(), r.describe());
        assertTrue(r.err().contains("cannot reach the Spark master spark://127.0.0.1:" + port), r.describe());
        assertFalse(r.err().contains("\tat "), r.describe());
    }
}
