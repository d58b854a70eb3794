package io.fleetsim.validation;

import io.fleetsim.spec.PerformanceSpec;
import java.util.List;

/**
 * The roofline's parameters as a fit varies them: compute and memory efficiency on a log scale
 * from {@value #MIN_EFFICIENCY} to 1 (a factor of 2 weighs the same anywhere), the iteration
 * overhead and the request latency as the square of the unit value times
 * {@value #MAX_OVERHEAD_MS} ms and {@value #MAX_REQUEST_LATENCY_MS} ms (fine steps near 0).
 */
public final class RooflineSpace implements ParameterSpace {

    /** The space. */
    public static final RooflineSpace INSTANCE = new RooflineSpace();
    static final double MIN_EFFICIENCY = 0.05;
    static final double MAX_OVERHEAD_MS = 50;
    static final double MAX_REQUEST_LATENCY_MS = 500;

    private RooflineSpace() {
    }

    @Override
    public int count() {
        return 4;
    }

    @Override
    public EngineParameters start() {
        return EngineParameters.DEFAULT;
    }

    @Override
    public EngineParameters parameters(double[] u) {
        double compute = MIN_EFFICIENCY * Math.pow(1 / MIN_EFFICIENCY, ParameterSpace.clamp(u[0]));
        double memory = MIN_EFFICIENCY * Math.pow(1 / MIN_EFFICIENCY, ParameterSpace.clamp(u[1]));
        double overheadMs = MAX_OVERHEAD_MS * square(u[2]);
        double latencyMs = MAX_REQUEST_LATENCY_MS * square(u[3]);
        return new EngineParameters(new PerformanceSpec(round(compute, 1e4), round(memory, 1e4),
                Math.round(overheadMs * 1e3) / 1e6), Math.round(latencyMs * 1e3) / 1e6);
    }

    @Override
    public double[] unit(EngineParameters p) {
        double log = Math.log(1 / MIN_EFFICIENCY);
        PerformanceSpec s = p.performance();
        return new double[]{ParameterSpace.clamp(Math.log(s.computeEfficiency() / MIN_EFFICIENCY) / log),
            ParameterSpace.clamp(Math.log(s.memoryEfficiency() / MIN_EFFICIENCY) / log),
            ParameterSpace.clamp(Math.sqrt(s.iterationOverheadSeconds() * 1e3 / MAX_OVERHEAD_MS)),
            ParameterSpace.clamp(Math.sqrt(p.requestLatencySeconds() * 1e3 / MAX_REQUEST_LATENCY_MS))};
    }

    @Override
    public List<String> names() {
        return List.of("compute_efficiency", "memory_efficiency", "iteration_overhead", "request_latency");
    }

    @Override
    public List<String[]> limits() {
        return List.of(new String[]{MIN_EFFICIENCY + "", "1"}, new String[]{MIN_EFFICIENCY + "", "1"},
                new String[]{"0 ms", MAX_OVERHEAD_MS + " ms"}, new String[]{"0 ms", MAX_REQUEST_LATENCY_MS + " ms"});
    }

    private static double square(double u) {
        double c = ParameterSpace.clamp(u);
        return c * c;
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
