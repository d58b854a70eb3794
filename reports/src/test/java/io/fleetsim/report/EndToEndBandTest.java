package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.CapacityRatio;
import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.LatencyError;
import io.fleetsim.spec.PerformanceSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pool's latency band states its profile's cross-validated error, or that there is none. */
class EndToEndBandTest {

    private static EndToEndProfile profile(Optional<EndToEndProfile.CrossValidated> cv) {
        return new EndToEndProfile("aic-x", "H100-SXM-80GB", "vllm", List.of("0.19.0"), "bf16",
                PerformanceSpec.kernels(0.002, 1e-5, 0, 0), 0.04, List.of("llama-3.1-8b"), cv.isPresent() ? 4 : 1,
                "d.csv", "cmd", new LatencyError(40, 0.11, 0.3, 0.05, 0.12), cv);
    }

    @Test
    void theBandIsTheCrossValidatedErrorNotTheTrainingError() {
        List<String> lines = EndToEndBand.describe(profile(Optional.of(new EndToEndProfile.CrossValidated(4,
                new LatencyError(40, 0.224, 0.46, 0.041, 0.18)))));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("aic-x (40 points, 4 deployments)"), lines.get(0));
        assertEquals("on deployments left out of the fit: TTFT off by 22% (p90 46%), TPOT by 4% (p90 18%)",
                lines.get(1));
        lines.forEach(l -> assertTrue(l.length() < 98, l));
    }

    @Test
    void theCapacityBandDividesTheCapacityByTheRatiosPredictedOverMeasured() {
        EndToEndProfile p = profile(Optional.of(new EndToEndProfile.CrossValidated(4,
                new LatencyError(40, 0.224, 0.46, 0.041, 0.18), Optional.of(new CapacityRatio(9, 0.8, 1.1, 1.25)))));
        List<String> lines = EndToEndBand.describe(p);
        assertEquals("capacity at the SLO knee predicted at 0.80-1.25x of measured (p10-p90, median 1.10x, 9 curves)",
                lines.get(2));
        // Predicted 10 req/s at ratios 0.8 to 1.25: measured 10 / 1.25 = 8 to 10 / 0.8 = 12.5.
        assertEquals(Optional.of("8.00-12.50"), EndToEndBand.capacityRange(p, 10));
        assertEquals(Optional.empty(), EndToEndBand.capacityRange(profile(Optional.empty()), 10));
        EndToEndProfile zero = profile(Optional.of(new EndToEndProfile.CrossValidated(4,
                new LatencyError(40, 0.224, 0.46, 0.041, 0.18), Optional.of(new CapacityRatio(9, 0, 1.1, 2)))));
        assertEquals(Optional.of("5.00-unbounded"), EndToEndBand.capacityRange(zero, 10));
    }

    @Test
    void aProfileOfOneDeploymentSaysItWasNotCrossValidated() {
        List<String> lines = EndToEndBand.describe(profile(Optional.empty()));
        assertTrue(lines.get(1).startsWith("not cross-validated (one deployment)"), lines.get(1));
        assertTrue(EndToEndBand.describe(null).get(0).contains("not fitted to measured deployments"));
    }
}
