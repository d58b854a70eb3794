package io.fleetsim.calibration;

import java.util.Optional;

/**
 * The handoff latency of disaggregated deployments of one engine on one GPU system
 * ({@link io.fleetsim.spec.HandoffSpec}), fitted end to end on measured disaggregated
 * benchmark points, with its error on the points fitted and under cross-validation by deployment.
 *
 * @param name           the profile's name, as reports cite it
 * @param gpu            catalog name of the GPU the points were measured on
 * @param engine         the serving engine measured ({@code vllm}, {@code sglang}, {@code trtllm})
 * @param latencySeconds the fitted time from a request's KV arriving to the decode side taking it over
 * @param deployments    distinct deployments among the points
 * @param data           the measured points, as a path from the repository root
 * @param fittedBy       the command that fitted it
 * @param training       error on the points fitted
 * @param crossValidated error on each deployment when fitted on the others, if there were at least two
 */
public record HandoffProfile(String name, String gpu, String engine, double latencySeconds, int deployments,
                             String data, String fittedBy, LatencyError training,
                             Optional<EndToEndProfile.CrossValidated> crossValidated) {

    /** e.g. {@code handoff of disagg-gb200-trtllm (cross-validated TTFT p50 18.2%)}, for reports. */
    public String describe() {
        return "handoff of " + name + crossValidated.map(c -> String.format(java.util.Locale.ROOT,
                " (cross-validated TTFT p50 %.1f%%, TPOT p50 %.1f%%)", c.error().ttftMedian() * 100,
                c.error().tpotMedian() * 100)).orElse(" (not cross-validated)");
    }
}
