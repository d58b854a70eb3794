package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.scenario.CatalogReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Validating the shipped sample: every row kept in order, and the result independent of threads. */
@Tag("scenario")
class ModelValidationTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();

    private static List<PointOutcome> validate(List<MeasuredPoint> points, int threads) {
        return ModelValidation.run(points, new DeploymentPlanner(CATALOG, PerformanceProfiles.builtIn(),
                Optional.empty()), threads, done -> { });
    }

    @Test
    void everyRowComesBackInOrderAndTheThreadCountChangesNothing() {
        List<MeasuredPoint> points = PointsFile.read(PointsFileTest.SAMPLE, "sample.csv", CATALOG);
        List<PointOutcome> one = validate(points, 1);
        List<PointOutcome> three = validate(points, 3);
        assertEquals(one, three);
        assertEquals(points, one.stream().map(PointOutcome::point).toList());
        for (PointOutcome o : one) {
            if (o.status() == PointOutcome.Status.OK) {
                assertTrue(o.predictedTtftMs() > 0 && o.predictedTpotMs() > 0, o.toString());
            } else {
                assertTrue(Double.isNaN(o.predictedTtftMs()), o.toString());
            }
        }
        assertTrue(one.stream().anyMatch(o -> o.status() == PointOutcome.Status.OK), "some rows are expressible");
        assertTrue(one.stream().anyMatch(o -> o.point().deployment().disaggregated()
                && o.status() == PointOutcome.Status.OK), "disaggregated rows are simulated");
    }

    @Test
    void theSummaryCountsEveryRowOnceAndEverySkipByReason() {
        List<PointOutcome> outcomes = validate(PointsFile.read(PointsFileTest.SAMPLE, "sample.csv", CATALOG), 2);
        ErrorSummary s = ErrorSummary.of(outcomes);
        assertEquals(outcomes.size(), s.points());
        assertEquals(s.points(), s.groups().stream().mapToInt(ErrorSummary.Group::points).sum());
        assertEquals(s.points() - s.simulated(), s.skipped().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(s.simulated(), s.overall().ttft().points());
    }
}
