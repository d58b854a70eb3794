package io.fleetsim.validation;

import io.fleetsim.spec.PerformanceSpec;

/**
 * What an end-to-end fit varies: the step-time parameters of every replica, and the request
 * latency a benchmark client sees on top of the engine's own time to first token (HTTP,
 * tokenisation, the engine's front end and scheduler hand-off).
 *
 * @param performance           step-time parameters
 * @param requestLatencySeconds time from sending a request to the engine having it
 */
public record EngineParameters(PerformanceSpec performance, double requestLatencySeconds) {

    /** fleetsim's defaults: {@link PerformanceSpec#DEFAULT} and no request latency. */
    public static final EngineParameters DEFAULT = new EngineParameters(PerformanceSpec.DEFAULT, 0);
}
