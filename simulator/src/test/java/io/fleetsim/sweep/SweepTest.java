package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole sweeps: common random numbers, confidence intervals that shrink with replications, and
 * resuming from a results file cut off in the middle of a line.
 */
@Tag("scenario")
@Tag("statistical")
class SweepTest {

    @TempDir
    Path tmp;

    private static SweepResult sweep(SweepSpec spec, int replications, Path log) throws Exception {
        try (ResultsLog results = ResultsLog.open(log); PointExecutor executor = new PointExecutor(2, results)) {
            return Sweep.run(spec, replications, executor, BatchProgress.NONE);
        }
    }

    @Test
    void everyConfigurationRunsReplicationIOnTheSameSeed() {
        SweepSpec spec = SweepFixtures.spec(List.of("pools[servers].replicas=5,6"), List.of());
        List<Configuration> configurations = spec.grid().configurations();
        List<Long> first = spec.units(configurations.get(0), 0, 4).stream().map(WorkUnit::seed).toList();
        List<Long> second = spec.units(configurations.get(1), 0, 4).stream().map(WorkUnit::seed).toList();
        assertEquals(first, second);
        assertEquals(11L, first.get(0), "replication 0 is the scenario's own seed");
        assertEquals(4, first.stream().distinct().count());
        assertTrue(first.stream().allMatch(s -> s >= 0));
    }

    @Test
    void confidenceIntervalsShrinkWithMoreReplications() throws Exception {
        // six servers: attainment near 1, light tails; with five the rare long busy period makes a
        // handful of replications understate the spread
        SweepSpec spec = SweepFixtures.spec(List.of("pools[servers].replicas=6"), List.of());
        Path log = tmp.resolve("results.jsonl");
        PointSummary three = sweep(spec, 3, log).points().get(0);
        PointSummary six = sweep(spec, 6, log).points().get(0);
        PointSummary many = sweep(spec, 24, log).points().get(0);
        for (Metric m : List.of(Metric.COST_PER_USEFUL_MTOK, Metric.SLO_ATTAINMENT, Metric.TTFT_P99_MS)) {
            double h3 = three.estimate(m).halfWidth();
            double h6 = six.estimate(m).halfWidth();
            double h24 = many.estimate(m).halfWidth();
            assertTrue(h24 < h6 && h24 < h3 / 2, m.id() + ": half-widths " + h3 + ", " + h6 + ", " + h24);
            assertTrue(h24 > 0);
        }
        // the first replications are the same runs (same seeds), read back from the log
        assertEquals(three.replications(), many.replications().subList(0, 3));
    }

    @Test
    void resumingAfterAnInterruptionGivesTheSameResults() throws Exception {
        SweepSpec spec = SweepFixtures.spec(List.of("pools[servers].replicas=5..7",
                "workload.arrivals.rate_per_s=4,4.5"), List.of("slo_attainment>=0.99"));
        Path whole = tmp.resolve("whole/results.jsonl");
        SweepResult uninterrupted = sweep(spec, 2, whole);
        List<String> lines = Files.readAllLines(whole);
        assertEquals(12, lines.size());

        // killed while writing the 6th line: 5 whole lines and half of one
        Path cut = tmp.resolve("cut/results.jsonl");
        Files.createDirectories(cut.getParent());
        String partial = String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 40);
        Files.writeString(cut, partial, StandardCharsets.UTF_8);

        SweepResult resumed;
        try (ResultsLog results = ResultsLog.open(cut); PointExecutor executor = new PointExecutor(2, results)) {
            assertEquals(5, results.size());
            assertEquals(1, results.skippedLines(), "the cut-off line");
            resumed = Sweep.run(spec, 2, executor, BatchProgress.NONE);
            assertEquals(5, executor.resumed());
            assertEquals(7, executor.simulated());
        }
        assertEquals(uninterrupted.points(), resumed.points());
        List<String> after = Files.readAllLines(cut);
        assertEquals(12, after.size(), "the partial line is gone and every point is there once");
        for (String line : after) {
            SweepJson.read(line, PointResult.class);
        }

        // and a third run simulates nothing
        try (ResultsLog results = ResultsLog.open(cut); PointExecutor executor = new PointExecutor(2, results)) {
            assertEquals(uninterrupted.points(), Sweep.run(spec, 2, executor, BatchProgress.NONE).points());
            assertEquals(0, executor.simulated());
        }
    }

    @Test
    void resultsOfAnotherScenarioTextAreNotReused() throws Exception {
        Path log = tmp.resolve("results.jsonl");
        sweep(SweepFixtures.spec(List.of("pools[servers].replicas=6"), List.of()), 2, log);
        ScenarioText edited = new ScenarioText(SweepFixtures.MMC.replace("rate_per_s: 4.5", "rate_per_s: 4.4"),
                "mmc.yaml", false);
        SweepSpec spec = SweepSpec.validated(edited, null, null,
                new Grid(List.of(Dimension.parse("pools[servers].replicas=6"))), List.of());
        try (ResultsLog results = ResultsLog.open(log); PointExecutor executor = new PointExecutor(1, results)) {
            Sweep.run(spec, 2, executor, BatchProgress.NONE);
            assertEquals(2, executor.simulated());
        }
    }

    @Test
    void paretoFrontKeepsWhatNothingBeatsOnCostAndAttainment() throws IOException, Exception {
        SweepResult r = sweep(SweepFixtures.spec(List.of("pools[servers].replicas=4..8"), List.of()), 2,
                tmp.resolve("results.jsonl"));
        // more servers always cost more; attainment rises to c=6 and flattens, so every point up to
        // where attainment stops rising is on the front
        List<Integer> front = r.paretoFront();
        assertTrue(front.contains(0) && front.contains(1) && front.contains(2), front.toString());
        for (int i : front) {
            for (int j = 0; j < r.points().size(); j++) {
                PointSummary a = r.points().get(i);
                PointSummary b = r.points().get(j);
                boolean dominated = b.estimate(Metric.TOTAL_COST_USD).mean() <= a.estimate(Metric.TOTAL_COST_USD).mean()
                        && b.estimate(Metric.SLO_ATTAINMENT).mean() > a.estimate(Metric.SLO_ATTAINMENT).mean();
                assertTrue(!dominated, i + " is dominated by " + j);
            }
        }
    }
}
