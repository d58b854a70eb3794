package io.fleetsim.scenario;

/**
 * Latency targets of a route. A request is within its SLO when both hold.
 *
 * @param ttftSeconds time to first token target
 * @param tpotSeconds time per output token target (mean gap between output tokens after the first)
 */
public record SloSpec(double ttftSeconds, double tpotSeconds) {
}
