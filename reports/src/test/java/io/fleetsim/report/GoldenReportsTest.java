package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fleetsim.run.Simulation;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.ScenarioVariant;
import io.fleetsim.sweep.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped scenario's {@code report.json}, over a shortened horizon, compared byte for byte
 * with a golden file under {@code reports/src/test/resources/golden/}: a change meant to be about
 * speed (or anything else that should not move a result) shows up here as a failure naming the
 * scenario. The benchmark day also runs on 3 replicas (near saturation, so that queues form and
 * the choice of replica matters) with each balancing policy, since no shipped scenario uses the
 * per-replica queues.
 *
 * <p>The golden files are regenerated only on purpose, when a result is meant to change (for
 * example a recalibrated step time), and the diff is then reviewed and committed with the change:
 * <pre>
 *   mvn -q -B -pl reports -am test -Dtest=GoldenReportsTest -Dsurefire.failIfNoSpecifiedTests=false -Dfleetsim.golden=update
 * </pre>
 * (with {@code fleetsim.golden=update} the test writes the files instead of comparing).
 */
@Tag("scenario")
class GoldenReportsTest {

    /** Horizon of each golden run: long enough to reach steady batches, short enough for seconds. */
    private static final double HORIZON_SECONDS = 300;
    /** The benchmark day's balancing variants run shorter: 3 replicas at about 50 requests/s. */
    private static final double BALANCING_HORIZON_SECONDS = 120;
    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Path GOLDEN = Path.of("reports", "src", "test", "resources", "golden");
    private static final Path BENCH_DAY = SCENARIOS.resolve("bench").resolve("day-100rps.yaml");
    private static final List<String> BALANCING = List.of("central_queue", "round_robin", "least_outstanding_tokens", "power_of_two",
            "prefix_aware");
    private static final boolean UPDATE = "update".equals(System.getProperty("fleetsim.golden"));
    private static final String REGENERATE = "mvn -q -B -pl reports -am test -Dtest=GoldenReportsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dfleetsim.golden=update";

    /** One golden run: a scenario file, the settings applied to it and its golden file's name. */
    private record Case(Path file, List<Setting> settings, String golden) {
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioMatchesItsGoldenReport() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.golden(), () -> check(c)));
    }

    /** A golden file whose scenario is gone would hide nothing, but it would mislead: none is left over. */
    @Test
    void everyGoldenFileHasAScenario() throws IOException {
        if (UPDATE || !Files.isDirectory(GOLDEN)) {
            return;
        }
        List<String> expected = cases().stream().map(Case::golden).toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path f : files.toList()) {
                assertTrue(expected.contains(f.getFileName().toString()),
                        f + " has no scenario any more; delete it or regenerate: " + REGENERATE);
            }
        }
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String horizon = (int) HORIZON_SECONDS + "s";
        try (Stream<Path> files = Files.walk(SCENARIOS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                cases.add(new Case(f, List.of(), goldenName(f, "")));
            }
        }
        for (String policy : BALANCING) {
            cases.add(new Case(BENCH_DAY, List.of(new Setting("pools[h100-8b].balancing", policy),
                    new Setting("pools[h100-8b].replicas", "3"),
                    new Setting("horizon", (int) BALANCING_HORIZON_SECONDS + "s")),
                    goldenName(BENCH_DAY, "-3-replicas-" + policy)));
        }
        assertTrue(cases.size() > BALANCING.size(), "no scenario found under " + SCENARIOS.toAbsolutePath());
        return cases;
    }

    /** {@code bench/day-100rps.yaml} becomes {@code bench_day-100rps.json}. */
    private static String goldenName(Path file, String suffix) {
        String relative = SCENARIOS.relativize(file).toString().replace('\\', '/').replace('/', '_');
        return relative.substring(0, relative.length() - ".yaml".length()) + suffix + ".json";
    }

    private static void check(Case c) throws IOException {
        ScenarioSpec spec = ScenarioVariant.of(ScenarioText.read(c.file())).bind(c.settings());
        spec = spec.withHorizon(Math.min(spec.horizonSeconds(), HORIZON_SECONDS));
        String actual = JsonReport.render(Simulation.run(spec));
        Path golden = GOLDEN.resolve(c.golden());
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail(golden + " is missing; regenerate (then review the new file): " + REGENERATE);
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, c.file() + " " + c.settings()
                    + ": report.json differs from its golden file; if the change is meant, regenerate: " + REGENERATE);
        }
    }
}
