package io.fleetsim.validation;

import io.fleetsim.spec.StepTimeMethod;
import java.util.List;

/**
 * What an end-to-end fit may vary for one step-time model, mapped onto the unit cube so that a
 * bounded optimiser moves every parameter on one scale: the roofline's three factors
 * ({@link RooflineSpace}), or the kernel model's engine overheads ({@link KernelOverheadSpace});
 * both with the request latency, and with the acceptance of multi-token prediction where some
 * points speculate ({@link SpeculativeSpace}).
 */
public sealed interface ParameterSpace permits RooflineSpace, KernelOverheadSpace, SpeculativeSpace {

    /** The space of the step-time model {@code method}. */
    static ParameterSpace of(StepTimeMethod method) {
        return method == StepTimeMethod.KERNELS ? KernelOverheadSpace.INSTANCE : RooflineSpace.INSTANCE;
    }

    /** Parameters varied. */
    int count();

    /** fleetsim's defaults for this model, where every fit starts. */
    EngineParameters start();

    /** The parameters at unit point {@code u}, rounded as a profiles file states them. */
    EngineParameters parameters(double[] u);

    /** The unit point of {@code p} (inverse of {@link #parameters} up to rounding). */
    double[] unit(EngineParameters p);

    /** Names of the parameters, in unit-point order, as a profiles file spells them. */
    List<String> names();

    /** The lower and upper limit of each parameter, described, in unit-point order. */
    List<String[]> limits();

    /**
     * The parameters of {@code p} at a limit of the range a fit searches, described: a sign that
     * the model would fit its points better with a value it does not allow.
     */
    default List<String> atLimits(EngineParameters p) {
        List<String> out = new java.util.ArrayList<>();
        double[] u = unit(p);
        for (int i = 0; i < count(); i++) {
            if (u[i] <= 1e-3) {
                out.add(names().get(i) + " at its lower limit " + limits().get(i)[0]);
            } else if (u[i] >= 1 - 1e-3) {
                out.add(names().get(i) + " at its upper limit " + limits().get(i)[1]);
            }
        }
        return out;
    }

    /** {@code v} clamped to [0, 1]. */
    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
