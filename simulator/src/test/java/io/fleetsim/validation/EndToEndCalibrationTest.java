package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.scenario.CatalogReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cross-validation by deployment never scores a point with parameters fitted on its deployment:
 * changing what one deployment measured changes nothing in that deployment's cross-validated
 * predictions. On the shipped silicon sample's vLLM rows on H100.
 */
@Tag("scenario")
class EndToEndCalibrationTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    private static final Path SILICON = Path.of("..", "calibration", "aiconfigurator-silicon.csv.gz");

    private static List<SimulatedPoint> h100Vllm() {
        DeploymentPlanner planner = new DeploymentPlanner(CATALOG, PerformanceProfiles.builtIn(), Optional.empty());
        List<SimulatedPoint> out = new ArrayList<>();
        for (MeasuredPoint m : PointsFile.read(SILICON, "silicon", CATALOG)) {
            if (m.deployment().system().equals("h100_sxm") && m.deployment().backend().equals("vllm")
                    && planner.plan(m) instanceof PointPlan.Simulate s) {
                out.add(new SimulatedPoint(m, s.plan()));
            }
        }
        return out;
    }

    @Test
    void aDeploymentsOwnMeasurementsNeverReachItsCrossValidatedPredictions() {
        List<SimulatedPoint> points = h100Vllm();
        String first = points.get(0).point().deployment().key();
        List<SimulatedPoint> changed = new ArrayList<>();
        for (SimulatedPoint p : points) {
            MeasuredPoint m = p.point();
            boolean mine = m.deployment().key().equals(first);
            changed.add(new SimulatedPoint(new MeasuredPoint(m.id(), m.line(), m.deployment(), m.promptTokens(),
                    m.outputTokens(), m.concurrency(), mine ? m.measuredTtftMs() * 3 : m.measuredTtftMs(),
                    mine ? m.measuredTpotMs() / 2 : m.measuredTpotMs()), p.plan()));
        }
        try (ParallelSimulator simulator = new ParallelSimulator(2)) {
            EndToEndCalibration a = EndToEndCalibration.of(points, 5, simulator);
            EndToEndCalibration b = EndToEndCalibration.of(changed, 5, simulator);
            assertTrue(a.deployments() >= 2, "deployments: " + a.deployments());
            assertEquals(Math.min(5, a.deployments()), a.folds());
            List<PointOutcome> ca = a.crossValidated().orElseThrow();
            List<PointOutcome> cb = b.crossValidated().orElseThrow();
            assertEquals(points.size(), ca.size());
            boolean othersMoved = false;
            for (int i = 0; i < points.size(); i++) {
                boolean mine = points.get(i).point().deployment().key().equals(first);
                if (mine) {
                    assertEquals(ca.get(i).predictedTtftMs(), cb.get(i).predictedTtftMs(), 0.0);
                    assertEquals(ca.get(i).predictedTpotMs(), cb.get(i).predictedTpotMs(), 0.0);
                } else if (ca.get(i).predictedTtftMs() != cb.get(i).predictedTtftMs()) {
                    othersMoved = true;
                }
            }
            assertTrue(othersMoved, "the other deployment's predictions were fitted on the changed points");
            assertTrue(!a.parameters().equals(b.parameters()), "the full fit sees every point");
        }
    }
}
