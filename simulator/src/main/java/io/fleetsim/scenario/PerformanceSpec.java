package io.fleetsim.scenario;

/**
 * Efficiency factors of the step-time model: the share of datasheet peak a real server reaches.
 *
 * @param computeEfficiency        achieved / peak tensor FLOP/s (model FLOPs utilization)
 * @param memoryEfficiency         achieved / peak memory bandwidth
 * @param iterationOverheadSeconds fixed cost of one iteration (scheduling, kernel launches, sampling)
 */
public record PerformanceSpec(double computeEfficiency, double memoryEfficiency, double iterationOverheadSeconds) {

    /** Defaults typical of vLLM on datacenter GPUs, until a calibrated profile replaces them. */
    public static final PerformanceSpec DEFAULT = new PerformanceSpec(0.5, 0.7, 0.003);
}
