package io.fleetsim.calibration;

/**
 * One measured point: a configuration and the times it took.
 *
 * @param configuration   what was run
 * @param prefillSeconds  the prefill of the whole batch (one iteration)
 * @param perTokenSeconds the mean decode iteration over the generation
 */
public record Measurement(Configuration configuration, double prefillSeconds, double perTokenSeconds) {
}
