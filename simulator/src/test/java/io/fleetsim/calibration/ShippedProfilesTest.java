package io.fleetsim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.Precision;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.PerformanceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calibrated profiles shipped in {@code profiles/calibrated.yaml} against the measured points
 * they came from ({@code calibration/} at the repository root; surefire runs this module from
 * {@code simulator/}): on the points held out of each fit, the median and 90th-percentile absolute
 * percentage errors of prefill and per-token time are at most the figures the profile documents
 * (which the README quotes), and fitting again gives the shipped factors.
 */
@Tag("scenario")
class ShippedProfilesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    /** The documented figures have one decimal in percent; allow their rounding. */
    private static final double ROUNDING = 0.0005;

    static Stream<Named<PerformanceProfile>> profiles() {
        return PerformanceProfiles.builtIn().all().stream().map(p -> Named.of(p.name(), p));
    }

    private static List<Measurement> points(PerformanceProfile profile) {
        Path data = REPOSITORY.resolve(profile.data());
        assertTrue(Files.isRegularFile(data), "no " + data);
        return MeasurementFile.read(data, profile.data(), CATALOG, Optional.empty(), profile.tensorParallel());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void reproducesItsHeldOutPointsWithinTheDocumentedError(PerformanceProfile profile) {
        Gpu gpu = CATALOG.gpu(profile.gpu());
        HoldOutSplit split = HoldOutSplit.everyNth(points(profile), HoldOutSplit.DEFAULT_EVERY);
        FitError documented = profile.heldOut().orElseThrow();
        FitError actual = FitError.of(split.heldOut(), new StepTimePredictor(gpu, CATALOG, profile.performance()));
        assertEquals(documented.points(), actual.points(), "held-out points");
        assertTrue(actual.prefillMedian() <= documented.prefillMedian() + ROUNDING, actual + " vs " + documented);
        assertTrue(actual.prefillP90() <= documented.prefillP90() + ROUNDING, actual + " vs " + documented);
        assertTrue(actual.perTokenMedian() <= documented.perTokenMedian() + ROUNDING, actual + " vs " + documented);
        assertTrue(actual.perTokenP90() <= documented.perTokenP90() + ROUNDING, actual + " vs " + documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void fittingAgainGivesTheShippedFactors(PerformanceProfile profile) {
        Calibration c = Calibration.of(points(profile), CATALOG.gpu(profile.gpu()), CATALOG,
                HoldOutSplit.DEFAULT_EVERY);
        PerformanceSpec shipped = profile.performance();
        assertEquals(shipped.computeEfficiency(), c.performance().computeEfficiency(), 1e-4);
        assertEquals(shipped.memoryEfficiency(), c.performance().memoryEfficiency(), 1e-4);
        assertEquals(shipped.iterationOverheadSeconds(), c.performance().iterationOverheadSeconds(), 2e-6);
        assertEquals(profile.training().points(), c.training().points());
    }

    @Test
    void h100AndA100HaveAProfilePerMeasuredDegreeAndNamesResolveInTheCatalog() {
        PerformanceProfiles profiles = PerformanceProfiles.builtIn();
        for (String gpu : List.of("H100-SXM-80GB", "A100-SXM-80GB")) {
            for (int tp : List.of(2, 4, 8)) {
                int degree = tp;
                assertTrue(profiles.all().stream().anyMatch(p -> p.isDefaultFor(gpu, degree)), gpu + " tp " + tp);
            }
        }
        for (PerformanceProfile p : profiles.all()) {
            assertNotNull(CATALOG.gpu(p.gpu()), p.name());
            p.models().forEach(m -> assertNotNull(CATALOG.model(m), p.name() + ": " + m));
            assertTrue(p.heldOut().isPresent(), p.name() + " documents no held-out error");
        }
    }

    @Test
    void poolsUseTheProfileOfTheirGpuAndDegreeElseTheDefaults() {
        PerformanceProfiles profiles = PerformanceProfiles.builtIn();
        assertEquals(profiles.named("splitwise-h100-tp4").orElseThrow().performance(),
                profiles.defaultFor("H100-SXM-80GB", 4, Precision.BF16));
        assertEquals(PerformanceSpec.DEFAULT, profiles.defaultFor("H100-SXM-80GB", 4, Precision.FP8));
        assertEquals(PerformanceSpec.DEFAULT, profiles.defaultFor("H100-SXM-80GB", 1, Precision.BF16));
        assertEquals(PerformanceSpec.DEFAULT, profiles.defaultFor("L40S", 4, Precision.BF16));
        assertEquals(OptionalInt.empty(), profiles.named("splitwise-h100").orElseThrow().tensorParallel());
    }
}
