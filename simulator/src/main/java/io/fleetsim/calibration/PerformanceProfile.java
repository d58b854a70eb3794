package io.fleetsim.calibration;

import io.fleetsim.spec.PerformanceSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Efficiency factors calibrated on one GPU, with where they came from and how well they fit.
 *
 * @param name           how a scenario names it ({@code performance: {profile: NAME}})
 * @param gpu            catalog name of the GPU the points were measured on
 * @param tensorParallel the one degree the points were measured at; empty when they span several
 * @param performance    the factors
 * @param models         catalog names of the models measured
 * @param data           the measured points, as a path from the repository root
 * @param fittedBy       the command that fitted the factors
 * @param training       error on the points fitted
 * @param heldOut        error on the points held out of the fit, when some were
 */
public record PerformanceProfile(String name, String gpu, OptionalInt tensorParallel, PerformanceSpec performance,
                                 List<String> models, String data, String fittedBy, FitError training,
                                 Optional<FitError> heldOut) {

    /** Copies the model list. */
    public PerformanceProfile {
        models = List.copyOf(models);
    }

    /** True when a pool on {@code gpuName} at {@code degree} uses this profile unless it names another. */
    public boolean isDefaultFor(String gpuName, int degree) {
        return gpu.equals(gpuName) && tensorParallel.isPresent() && tensorParallel.getAsInt() == degree;
    }
}
