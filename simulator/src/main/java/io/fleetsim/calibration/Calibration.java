package io.fleetsim.calibration;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.spec.PerformanceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Efficiency factors fitted to measured points of one GPU, with the error they leave: on the points
 * they were fitted to and, more honestly, on the points held out of the fit.
 *
 * @param gpu         the GPU the points were measured on
 * @param performance the fitted factors, rounded as a scenario states them
 * @param split       which points were fitted and which held out
 * @param training    error on the fitted points
 * @param heldOut     error on the held-out points; empty when nothing was held out
 */
public record Calibration(Gpu gpu, PerformanceSpec performance, HoldOutSplit split, FitError training,
                          Optional<FitError> heldOut) {

    /**
     * Holds out every {@code holdOutEvery}-th configuration of {@code points} (none for 0), fits the
     * rest and measures both errors with the rounded factors.
     *
     * @throws IllegalArgumentException when no point is left to fit
     */
    public static Calibration of(List<Measurement> points, Gpu gpu, HardwareCatalog catalog, int holdOutEvery) {
        HoldOutSplit split = HoldOutSplit.everyNth(points, holdOutEvery);
        PerformanceSpec performance = EfficiencyFitter.fit(split.training(), gpu, catalog);
        StepTimePredictor predictor = new StepTimePredictor(gpu, catalog, performance);
        Optional<FitError> heldOut = split.heldOut().isEmpty() ? Optional.empty()
                : Optional.of(FitError.of(split.heldOut(), predictor));
        return new Calibration(gpu, performance, split, FitError.of(split.training(), predictor), heldOut);
    }

    /**
     * The factors that ended at a limit of their allowed range, described: a sign that the model
     * would fit the points better with a value it does not allow.
     */
    public List<String> factorsAtLimits() {
        List<String> out = new ArrayList<>();
        atLimit(out, "compute_efficiency", performance.computeEfficiency());
        atLimit(out, "memory_efficiency", performance.memoryEfficiency());
        double overhead = performance.iterationOverheadSeconds();
        if (overhead == 0) {
            out.add("iteration_overhead at its lower limit 0");
        } else if (overhead >= EfficiencyFitter.MAX_OVERHEAD_SECONDS) {
            out.add("iteration_overhead at its upper limit 1s");
        }
        return out;
    }

    private static void atLimit(List<String> out, String name, double value) {
        if (value <= EfficiencyFitter.MIN_EFFICIENCY) {
            out.add(name + " at its lower limit " + EfficiencyFitter.MIN_EFFICIENCY);
        } else if (value >= EfficiencyFitter.MAX_EFFICIENCY) {
            out.add(name + " at its upper limit 1 (the datasheet peak)");
        }
    }
}
