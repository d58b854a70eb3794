package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed data file changes the resume key, so a result computed from the old data is not reused. */
class DataFileDigestTest {

    private static final String SCENARIO = """
            name: lengths
            seed: 3
            horizon: 10m
            workload:
              arrivals: {process: poisson, rate_per_s: 1}
              routes:
                - name: jobs
                  lengths: {dist: dataset, file: data/lengths.csv, prompt_column: p, output_column: o}
                  slo: {ttft: 8s, tpot: 1s}
            pools:
              - name: servers
                kind: reserved
                replicas: 2
                usd_per_gpu_hour: 1.0
                service_time: {dist: exponential, mean: 1s}
            """;

    @Test
    void theKeyFollowsTheDataFilesContentsNotItsTimestamp(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data")).resolve("lengths.csv");
        Files.writeString(data, "p,o\n10,20\n30,40\n");
        ScenarioText text = new ScenarioText(SCENARIO, dir.resolve("s.yaml").toString(), false);
        WorkUnit unit = new WorkUnit(text, null, List.of(), 0, 7);
        PointKey before = unit.key();

        Files.setLastModifiedTime(data, FileTime.fromMillis(Files.getLastModifiedTime(data).toMillis() - 60_000));
        assertEquals(before, unit.key(), "touching the file keeps its key");

        Files.writeString(data, "p,o\n10,20\n30,41\n");
        Files.setLastModifiedTime(data, FileTime.fromMillis(Files.getLastModifiedTime(data).toMillis() + 60_000));
        assertNotEquals(before, unit.key(), "new contents, new key");
        assertEquals(unit.key(), unit.run().key(), "the result carries the key it was computed under");
    }

    @Test
    void aScenarioWithoutDataFilesKeepsTheKeyOfItsText() {
        WorkUnit unit = new WorkUnit(SweepFixtures.mmc(), null, List.of(), 0, 7);
        assertEquals(SweepFixtures.mmc().hash(""), unit.scenarioHash());
    }
}
