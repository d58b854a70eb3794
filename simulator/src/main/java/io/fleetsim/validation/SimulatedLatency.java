package io.fleetsim.validation;

/**
 * Mean latencies a benchmark client saw in a simulation, over the requests it measured.
 *
 * @param meanTtftSeconds mean time from sending a request to its first token
 * @param meanTpotSeconds mean over requests of (end to end - TTFT) / (output tokens - 1); NaN when
 *                        requests have a single output token
 * @param requests        requests measured
 * @param events          events the simulation handled
 */
public record SimulatedLatency(double meanTtftSeconds, double meanTpotSeconds, long requests, long events) {
}
