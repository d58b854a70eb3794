package io.fleetsim.calibration;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.spec.PerformanceSpec;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Finds the efficiency factors under which {@link io.fleetsim.serving.StepTimeModel} best reproduces measured points:
 * least squares on relative error, each point contributing
 * {@code (predicted prefill / measured - 1)^2 + (predicted per-token / measured - 1)^2}, so that a
 * 50 ms and a 5 s prefill weigh the same and prefill and decode weigh the same.
 *
 * <p>The search is deterministic: the best point of a coarse grid over the allowed range starts a
 * Nelder-Mead simplex, restarted from its own result until it stops improving (a simplex can
 * collapse early on the kinks of the roofline's max). Factors outside the range a scenario accepts
 * are evaluated at the nearest allowed value plus a steep penalty, so the search stays inside it.
 * The result is rounded to what a scenario file states: efficiencies to 4 decimals, the overhead to
 * the microsecond.
 *
 * @see io.fleetsim.serving.StepTimeModel
 */
public final class EfficiencyFitter {

    /** Lowest efficiency a fit may return (as a scenario accepts). */
    public static final double MIN_EFFICIENCY = 0.01;
    /** Highest efficiency: the datasheet peak. */
    public static final double MAX_EFFICIENCY = 1;
    /** Longest iteration overhead a fit may return, in seconds. */
    public static final double MAX_OVERHEAD_SECONDS = 1;

    private static final double[] GRID_EFFICIENCIES = grid(0.05, 1.0, 20);
    private static final double[] GRID_OVERHEADS_MS = {0, 1, 2, 5, 10, 20, 50};
    private static final double PENALTY = 1e3;
    private static final int MAX_RESTARTS = 20;

    private final List<Measurement> points;
    private final Gpu gpu;
    private final HardwareCatalog catalog;

    private EfficiencyFitter(List<Measurement> points, Gpu gpu, HardwareCatalog catalog) {
        this.points = points;
        this.gpu = gpu;
        this.catalog = catalog;
    }

    /**
     * The best factors for {@code points} measured on {@code gpu}, whose models {@code catalog} knows.
     *
     * @throws IllegalArgumentException when there are no points
     */
    public static PerformanceSpec fit(List<Measurement> points, Gpu gpu, HardwareCatalog catalog) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to fit");
        }
        return new EfficiencyFitter(List.copyOf(points), gpu, catalog).search();
    }

    private PerformanceSpec search() {
        // Parameters: compute efficiency, memory efficiency, overhead in milliseconds (so that all
        // three move on similar scales in the simplex).
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double compute : GRID_EFFICIENCIES) {
            for (double memory : GRID_EFFICIENCIES) {
                for (double overheadMs : GRID_OVERHEADS_MS) {
                    double[] x = {compute, memory, overheadMs};
                    double value = objective(x);
                    if (value < bestValue) {
                        bestValue = value;
                        best = x;
                    }
                }
            }
        }
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-15);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            PointValuePair result = optimizer.optimize(new MaxEval(20_000), new ObjectiveFunction(this::objective),
                    GoalType.MINIMIZE, new InitialGuess(best), new NelderMeadSimplex(new double[]{0.02, 0.02, 0.5}));
            boolean improved = result.getValue() < bestValue * (1 - 1e-12);
            if (result.getValue() < bestValue) {
                bestValue = result.getValue();
                best = result.getPoint();
            }
            if (!improved) {
                break;
            }
        }
        return rounded(clamped(best));
    }

    private double objective(double[] x) {
        double[] inside = clamped(x);
        double outside = 0;
        for (int i = 0; i < x.length; i++) {
            outside += (x[i] - inside[i]) * (x[i] - inside[i]);
        }
        StepTimePredictor predictor = new StepTimePredictor(gpu, catalog, spec(inside));
        double sum = 0;
        for (Measurement m : points) {
            StepTimePredictor.Prediction p = predictor.predict(m.configuration());
            double prefill = p.prefillSeconds() / m.prefillSeconds() - 1;
            double perToken = p.perTokenSeconds() / m.perTokenSeconds() - 1;
            sum += prefill * prefill + perToken * perToken;
        }
        return sum + PENALTY * outside;
    }

    private static double[] clamped(double[] x) {
        return new double[]{clamp(x[0], MIN_EFFICIENCY, MAX_EFFICIENCY), clamp(x[1], MIN_EFFICIENCY, MAX_EFFICIENCY),
                clamp(x[2], 0, MAX_OVERHEAD_SECONDS * 1e3)};
    }

    private static PerformanceSpec spec(double[] x) {
        return new PerformanceSpec(x[0], x[1], x[2] / 1e3);
    }

    private static PerformanceSpec rounded(double[] x) {
        return new PerformanceSpec(Math.round(x[0] * 1e4) / 1e4, Math.round(x[1] * 1e4) / 1e4,
                Math.round(x[2] * 1e3) / 1e6);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double[] grid(double from, double to, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + (to - from) * i / (count - 1);
        }
        return out;
    }
}
