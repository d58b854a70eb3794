package io.fleetsim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.PerformanceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which points are held out of a fit, and how their error is summarised. */
class HoldOutSplitTest {

    private static Measurement point(int batch, double prefill) {
        return new Measurement(new Configuration("llama-2-70b", 4, batch, 512, 128), prefill, 0.03);
    }

    @Test
    void holdsOutEveryFourthConfigurationWithAllItsRepeats() {
        List<Measurement> points = new ArrayList<>();
        for (int batch = 1; batch <= 9; batch++) {
            points.add(point(batch, 1));
            points.add(point(batch, 2)); // a repeat of the same configuration
        }
        points.add(point(4, 3)); // configuration 4 again, after others
        HoldOutSplit split = HoldOutSplit.everyNth(points, 4);
        assertEquals(9, split.configurations());
        assertEquals(2, split.heldOutConfigurations());
        Set<Integer> heldBatches = new HashSet<>();
        split.heldOut().forEach(m -> heldBatches.add(m.configuration().batchSize()));
        assertEquals(Set.of(4, 8), heldBatches);
        assertEquals(5, split.heldOut().size());
        assertEquals(14, split.training().size());
        assertTrue(split.training().stream().noneMatch(m -> heldBatches.contains(m.configuration().batchSize())));
    }

    @Test
    void zeroHoldsNothingOutAndOneIsRefused() {
        List<Measurement> points = List.of(point(1, 1), point(2, 1));
        assertEquals(0, HoldOutSplit.everyNth(points, 0).heldOut().size());
        assertThrows(IllegalArgumentException.class, () -> HoldOutSplit.everyNth(points, 1));
    }

    @Test
    void fitErrorIsTheMedianAndP90OfAbsolutePercentageErrors() {
        Gpu gpu = CatalogReader.builtIn().gpu("H100-SXM-80GB");
        StepTimePredictor predictor = new StepTimePredictor(gpu, CatalogReader.builtIn(), PerformanceSpec.DEFAULT);
        // Measured = predicted / (1 + e) makes |predicted - measured| / measured exactly |e|.
        double[] prefillErrors = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        List<Measurement> points = new ArrayList<>();
        for (int i = 0; i < prefillErrors.length; i++) {
            Configuration c = new Configuration("llama-2-70b", 4, i + 1, 512, 128);
            StepTimePredictor.Prediction p = predictor.predict(c);
            double perTokenError = i % 2 == 0 ? 0.05 : -0.05;
            points.add(new Measurement(c, p.prefillSeconds() / (1 + prefillErrors[i]),
                    p.perTokenSeconds() / (1 + perTokenError)));
        }
        FitError e = FitError.of(points, predictor);
        assertEquals(11, e.points());
        assertEquals(0.5, e.prefillMedian(), 1e-12);
        assertEquals(0.9, e.prefillP90(), 1e-12);
        // Over- and under-predictions count alike.
        assertEquals(0.05, e.perTokenMedian(), 1e-12);
        assertEquals(0.05, e.perTokenP90(), 1e-12);
    }
}
