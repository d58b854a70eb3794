package io.fleetsim.validation;

import io.fleetsim.scenario.PerformanceSpec;

/**
 * The parameters an end-to-end fit varies ({@link EngineParameters}), each mapped from [0, 1] so
 * that a bounded optimiser moves all of them on one scale: compute and memory efficiency on a log
 * scale from {@value #MIN_EFFICIENCY} to 1 (a factor of 2 weighs the same anywhere), the
 * iteration overhead and the request latency as the square of the unit value times
 * {@value #MAX_OVERHEAD_MS} ms and {@value #MAX_REQUEST_LATENCY_MS} ms (fine steps near 0).
 */
public final class OpenParameters {

    /** Parameters varied. */
    static final int COUNT = 4;
    static final double MIN_EFFICIENCY = 0.05;
    static final double MAX_OVERHEAD_MS = 50;
    static final double MAX_REQUEST_LATENCY_MS = 500;

    private OpenParameters() {
    }

    /** The parameters at unit point {@code u}, rounded as a profiles file states them. */
    static EngineParameters parameters(double[] u) {
        double compute = MIN_EFFICIENCY * Math.pow(1 / MIN_EFFICIENCY, clamp(u[0]));
        double memory = MIN_EFFICIENCY * Math.pow(1 / MIN_EFFICIENCY, clamp(u[1]));
        double overheadMs = MAX_OVERHEAD_MS * clamp(u[2]) * clamp(u[2]);
        double latencyMs = MAX_REQUEST_LATENCY_MS * clamp(u[3]) * clamp(u[3]);
        return new EngineParameters(new PerformanceSpec(round(compute, 1e4), round(memory, 1e4),
                Math.round(overheadMs * 1e3) / 1e6), Math.round(latencyMs * 1e3) / 1e6);
    }

    /** The unit point of {@code p} (inverse of {@link #parameters} up to rounding). */
    static double[] unit(EngineParameters p) {
        double log = Math.log(1 / MIN_EFFICIENCY);
        PerformanceSpec s = p.performance();
        return new double[]{clamp(Math.log(s.computeEfficiency() / MIN_EFFICIENCY) / log),
            clamp(Math.log(s.memoryEfficiency() / MIN_EFFICIENCY) / log),
            clamp(Math.sqrt(s.iterationOverheadSeconds() * 1e3 / MAX_OVERHEAD_MS)),
            clamp(Math.sqrt(p.requestLatencySeconds() * 1e3 / MAX_REQUEST_LATENCY_MS))};
    }

    /**
     * The parameters of {@code p} at a limit of the range a fit searches, described: a sign that
     * the model would fit its points better with a value it does not allow.
     */
    public static java.util.List<String> atLimits(EngineParameters p) {
        java.util.List<String> out = new java.util.ArrayList<>();
        double[] u = unit(p);
        String[] names = {"compute_efficiency", "memory_efficiency", "iteration_overhead", "request_latency"};
        String[] lows = {MIN_EFFICIENCY + "", MIN_EFFICIENCY + "", "0 ms", "0 ms"};
        String[] highs = {"1", "1", MAX_OVERHEAD_MS + " ms", MAX_REQUEST_LATENCY_MS + " ms"};
        for (int i = 0; i < COUNT; i++) {
            if (u[i] <= 1e-3) {
                out.add(names[i] + " at its lower limit " + lows[i]);
            } else if (u[i] >= 1 - 1e-3) {
                out.add(names[i] + " at its upper limit " + highs[i]);
            }
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
