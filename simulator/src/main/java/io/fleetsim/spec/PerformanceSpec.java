package io.fleetsim.spec;

/**
 * Settings of the step-time model of a pool.
 *
 * <p>The kernel-based model ({@link StepTimeMethod#KERNELS}) sums measured kernel latencies and
 * adds the engine's own time: {@code engineIterationSeconds} per iteration (scheduling, input
 * preparation, sampling launch) and {@code engineSequenceSeconds} per sequence in the batch
 * (per-request bookkeeping, sampling, detokenisation) and {@code engineTokenSeconds} per prompt token
 * prefilled (input preparation the kernels do not time). The roofline
 * ({@link StepTimeMethod#ROOFLINE}, and the fallback where no kernel tables exist) uses the three
 * older factors instead.
 *
 * @param computeEfficiency        roofline: achieved / peak tensor FLOP/s (model FLOPs utilization)
 * @param memoryEfficiency         roofline: achieved / peak memory bandwidth
 * @param iterationOverheadSeconds roofline: fixed cost of one iteration (scheduling, launches, sampling)
 * @param engineIterationSeconds   kernel model: engine time per iteration beyond its kernels
 * @param engineSequenceSeconds    kernel model: engine time per sequence in the batch and iteration
 * @param engineTokenSeconds       kernel model: engine time per prompt token prefilled in the iteration
 * @param requestLatencySeconds    time from a client sending a request to the engine having it (HTTP,
 *                                 tokenisation, the engine's front end): part of TTFT and E2E, not of the
 *                                 GPU's time
 * @param requestLatencyPerInFlightSeconds what the request latency grows by per request in flight
 *                                 at the replica, itself included (the front end streams,
 *                                 detokenises and tokenises for all of them, so a new request waits
 *                                 longer the more there are); 0 for a constant latency
 * @param method                   which model
 */
public record PerformanceSpec(double computeEfficiency, double memoryEfficiency, double iterationOverheadSeconds,
                              double engineIterationSeconds, double engineSequenceSeconds, double engineTokenSeconds,
                              double requestLatencySeconds, double requestLatencyPerInFlightSeconds,
                              StepTimeMethod method) {

    /**
     * Default engine time per iteration of the kernel model: 1 ms, an uncalibrated guess of the
     * order of vLLM V1's CPU-side step time with CUDA graphs, until {@code calibrate} fits it.
     */
    public static final double DEFAULT_ENGINE_ITERATION_SECONDS = 1e-3;

    /** Default engine time per sequence and iteration of the kernel model: 5 µs, a guess likewise. */
    public static final double DEFAULT_ENGINE_SEQUENCE_SECONDS = 5e-6;

    /** Roofline defaults typical of vLLM on datacenter GPUs, until a calibrated profile replaces them. */
    public static final PerformanceSpec DEFAULT = new PerformanceSpec(0.5, 0.7, 0.003);

    /** The kernel model with default engine overheads (roofline factors as {@link #DEFAULT} for the fallback). */
    public static final PerformanceSpec KERNEL_DEFAULT = DEFAULT.withMethod(StepTimeMethod.KERNELS);

    /** Roofline factors only: the roofline model with default engine overheads. */
    public PerformanceSpec(double computeEfficiency, double memoryEfficiency, double iterationOverheadSeconds) {
        this(computeEfficiency, memoryEfficiency, iterationOverheadSeconds, DEFAULT_ENGINE_ITERATION_SECONDS,
                DEFAULT_ENGINE_SEQUENCE_SECONDS, 0, 0, 0, StepTimeMethod.ROOFLINE);
    }

    /** The kernel model with these engine overheads and a constant request latency (roofline factors as DEFAULT's). */
    public static PerformanceSpec kernels(double engineIterationSeconds, double engineSequenceSeconds,
                                          double engineTokenSeconds, double requestLatencySeconds) {
        return kernels(engineIterationSeconds, engineSequenceSeconds, engineTokenSeconds, requestLatencySeconds, 0);
    }

    /** The kernel model with these engine overheads and request latency (roofline factors as {@link #DEFAULT}). */
    public static PerformanceSpec kernels(double engineIterationSeconds, double engineSequenceSeconds,
                                          double engineTokenSeconds, double requestLatencySeconds,
                                          double requestLatencyPerInFlightSeconds) {
        return new PerformanceSpec(DEFAULT.computeEfficiency, DEFAULT.memoryEfficiency, DEFAULT.iterationOverheadSeconds,
                engineIterationSeconds, engineSequenceSeconds, engineTokenSeconds, requestLatencySeconds,
                requestLatencyPerInFlightSeconds, StepTimeMethod.KERNELS);
    }

    /** These settings with another constant request latency (its growth per request in flight kept). */
    public PerformanceSpec withRequestLatency(double seconds) {
        return new PerformanceSpec(computeEfficiency, memoryEfficiency, iterationOverheadSeconds,
                engineIterationSeconds, engineSequenceSeconds, engineTokenSeconds, seconds,
                requestLatencyPerInFlightSeconds, method);
    }

    /** These settings with another growth of the request latency per request in flight. */
    public PerformanceSpec withRequestLatencyPerInFlight(double seconds) {
        return new PerformanceSpec(computeEfficiency, memoryEfficiency, iterationOverheadSeconds,
                engineIterationSeconds, engineSequenceSeconds, engineTokenSeconds, requestLatencySeconds, seconds,
                method);
    }

    /** These settings with another model. */
    public PerformanceSpec withMethod(StepTimeMethod m) {
        return new PerformanceSpec(computeEfficiency, memoryEfficiency, iterationOverheadSeconds,
                engineIterationSeconds, engineSequenceSeconds, engineTokenSeconds, requestLatencySeconds,
                requestLatencyPerInFlightSeconds, m);
    }

    /** The roofline factors of these settings (engine overheads, request latency and method reset). */
    public PerformanceSpec rooflineFactors() {
        return new PerformanceSpec(computeEfficiency, memoryEfficiency, iterationOverheadSeconds);
    }
}
