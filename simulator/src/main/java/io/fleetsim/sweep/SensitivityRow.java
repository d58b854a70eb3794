package io.fleetsim.sweep;

/**
 * The chosen fleet under one perturbation.
 *
 * @param perturbation what changed
 * @param summary      the fleet's figures under it, or null when it does not apply
 */
public record SensitivityRow(Perturbation perturbation, PointSummary summary) {
}
