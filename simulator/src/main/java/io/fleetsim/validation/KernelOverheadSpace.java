package io.fleetsim.validation;

import io.fleetsim.spec.PerformanceSpec;
import java.util.List;

/**
 * The kernel model's open parameters as a fit varies them: what the measured kernels leave out.
 * The engine's time per iteration (scheduling, input preparation, launches), per sequence in the
 * batch (per-request bookkeeping, sampling, detokenisation), per prompt token prefilled (input
 * preparation), and the request latency a client sees before the engine has its request: a
 * constant and what it grows by per request in flight at the replica (a front end that streams
 * every running request's tokens answers a new one later the more there are). Each is the square of
 * its unit value times its upper limit (fine steps near 0, where most of them are).
 */
public final class KernelOverheadSpace implements ParameterSpace {

    /** The space. */
    public static final KernelOverheadSpace INSTANCE = new KernelOverheadSpace();
    static final double MAX_ITERATION_MS = 40;
    static final double MAX_SEQUENCE_US = 400;
    static final double MAX_TOKEN_US = 40;
    static final double MAX_REQUEST_LATENCY_MS = 1000;
    static final double MAX_PER_IN_FLIGHT_MS = 10;

    private KernelOverheadSpace() {
    }

    @Override
    public int count() {
        return 5;
    }

    @Override
    public EngineParameters start() {
        return new EngineParameters(PerformanceSpec.KERNEL_DEFAULT, 0);
    }

    @Override
    public EngineParameters parameters(double[] u) {
        double iteration = microseconds(MAX_ITERATION_MS * 1e-3 * square(u[0]));
        double sequence = nanoseconds(MAX_SEQUENCE_US * 1e-6 * square(u[1]));
        double token = nanoseconds(MAX_TOKEN_US * 1e-6 * square(u[2]));
        double latency = microseconds(MAX_REQUEST_LATENCY_MS * 1e-3 * square(u[3]));
        double perInFlight = nanoseconds(MAX_PER_IN_FLIGHT_MS * 1e-3 * square(u[4]));
        return new EngineParameters(PerformanceSpec.kernels(iteration, sequence, token, latency, perInFlight), latency);
    }

    @Override
    public double[] unit(EngineParameters p) {
        PerformanceSpec s = p.performance();
        return new double[]{root(s.engineIterationSeconds() / (MAX_ITERATION_MS * 1e-3)),
            root(s.engineSequenceSeconds() / (MAX_SEQUENCE_US * 1e-6)),
            root(s.engineTokenSeconds() / (MAX_TOKEN_US * 1e-6)),
            root(p.requestLatencySeconds() / (MAX_REQUEST_LATENCY_MS * 1e-3)),
            root(s.requestLatencyPerInFlightSeconds() / (MAX_PER_IN_FLIGHT_MS * 1e-3))};
    }

    @Override
    public List<String> names() {
        return List.of("engine_iteration_overhead", "engine_sequence_overhead", "engine_token_overhead",
                "request_latency", "request_latency_per_in_flight");
    }

    @Override
    public List<String[]> limits() {
        return List.of(new String[]{"0 ms", MAX_ITERATION_MS + " ms"}, new String[]{"0 us", MAX_SEQUENCE_US + " us"},
                new String[]{"0 us", MAX_TOKEN_US + " us"}, new String[]{"0 ms", MAX_REQUEST_LATENCY_MS + " ms"},
                new String[]{"0 ms", MAX_PER_IN_FLIGHT_MS + " ms"});
    }

    private static double square(double u) {
        double c = ParameterSpace.clamp(u);
        return c * c;
    }

    private static double root(double share) {
        return ParameterSpace.clamp(Math.sqrt(Math.max(0, share)));
    }

    private static double microseconds(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    private static double nanoseconds(double seconds) {
        return Math.round(seconds * 1e9) / 1e9;
    }
}
