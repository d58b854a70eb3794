package io.fleetsim.validation;

import io.fleetsim.spec.PerformanceSpec;

/**
 * What an end-to-end fit varies: the step-time parameters of every replica, the request latency a
 * benchmark client sees on top of the engine's own time to first token (HTTP, tokenisation, the
 * engine's front end and scheduler hand-off), and, for deployments that decode with multi-token
 * prediction ({@link MtpRecipe}), the acceptance of its draft tokens.
 *
 * @param performance           step-time parameters
 * @param requestLatencySeconds time from sending a request to the engine having it
 * @param mtpAcceptance         acceptance of each multi-token-prediction draft token given the
 *                              ones before it were accepted, in [0, 1]; NaN when not fitted (then
 *                              {@link MtpRecipe#DEFAULT_ACCEPTANCE} applies)
 */
public record EngineParameters(PerformanceSpec performance, double requestLatencySeconds, double mtpAcceptance) {

    /** fleetsim's defaults: {@link PerformanceSpec#DEFAULT} and no request latency. */
    public static final EngineParameters DEFAULT = new EngineParameters(PerformanceSpec.DEFAULT, 0);

    /** Parameters without a fitted acceptance. */
    public EngineParameters(PerformanceSpec performance, double requestLatencySeconds) {
        this(performance, requestLatencySeconds, Double.NaN);
    }

    /** These parameters with {@code acceptance} as the multi-token-prediction acceptance. */
    public EngineParameters withMtpAcceptance(double acceptance) {
        return new EngineParameters(performance, requestLatencySeconds, acceptance);
    }

    /** The acceptance to plan multi-token prediction with: the fitted one, else the default. */
    public double mtpAcceptanceOrDefault() {
        return Double.isNaN(mtpAcceptance) ? MtpRecipe.DEFAULT_ACCEPTANCE : mtpAcceptance;
    }
}
