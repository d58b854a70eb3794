package io.fleetsim.calibration;

import io.fleetsim.spec.PerformanceSpec;
import java.util.List;
import java.util.Optional;

/**
 * Step-time parameters fitted end to end, by simulating measured benchmark points of one engine on
 * one GPU at one precision, with how well they reproduce those points and, more honestly, points
 * of deployments left out of the fit.
 *
 * @param name           how a scenario names it ({@code performance: {profile: NAME}})
 * @param gpu            catalog name of the GPU the points were measured on
 * @param engine         the serving engine measured ({@code vllm}, {@code sglang}, {@code trtllm})
 * @param engineVersions the engine versions among the points, as the data names them
 * @param precision      the weight precision of the points ({@code bf16}, {@code fp8}, {@code fp4})
 * @param performance    the fitted step-time parameters
 * @param requestLatencySeconds fitted time from a client sending a request to the engine having
 *                       it (HTTP, tokenisation, front end): part of TTFT, not of TPOT
 * @param models         catalog names of the models measured
 * @param deployments    distinct deployments among the points (system, engine and version, model,
 *                       precision, mode, parallel layout)
 * @param data           the measured points, as a path from the repository root
 * @param fittedBy       the command that fitted the parameters
 * @param training       error on the points fitted
 * @param crossValidated error on each deployment when fitted on the others, if there were at
 *                       least two deployments
 * @param mtpAcceptance  fitted acceptance of each multi-token-prediction draft token, for the
 *                       points whose deployments decoded with it (in [0, 1]); NaN when none did
 * @param pinnedVersion  the one engine version this profile was fitted on and is for, "" when it
 *                       stands for every version of its engine on its GPU; a pool or row of a
 *                       pinned version takes the pinned profile before the version-less one
 */
public record EndToEndProfile(String name, String gpu, String engine, List<String> engineVersions, String precision,
                              PerformanceSpec performance, double requestLatencySeconds, List<String> models, int deployments, String data,
                              String fittedBy, LatencyError training, Optional<CrossValidated> crossValidated,
                              double mtpAcceptance, String pinnedVersion) {

    /** Copies the lists; the performance carries the request latency, as a pool naming the profile uses it. */
    public EndToEndProfile {
        performance = performance.withRequestLatency(requestLatencySeconds);
        engineVersions = List.copyOf(engineVersions);
        models = List.copyOf(models);
        if (!Double.isNaN(mtpAcceptance) && !(mtpAcceptance >= 0 && mtpAcceptance <= 1)) {
            throw new IllegalArgumentException("mtp acceptance must be in [0, 1] (got " + mtpAcceptance + ")");
        }
        if (!pinnedVersion.isEmpty() && !engineVersions.equals(List.of(pinnedVersion))) {
            throw new IllegalArgumentException("a profile pinned to " + engine + " " + pinnedVersion
                    + " is fitted on that version only (got " + engineVersions + ")");
        }
    }

    /** A profile for every version of its engine on its GPU. */
    public EndToEndProfile(String name, String gpu, String engine, List<String> engineVersions, String precision,
                           PerformanceSpec performance, double requestLatencySeconds, List<String> models,
                           int deployments, String data, String fittedBy, LatencyError training,
                           Optional<CrossValidated> crossValidated, double mtpAcceptance) {
        this(name, gpu, engine, engineVersions, precision, performance, requestLatencySeconds, models, deployments,
                data, fittedBy, training, crossValidated, mtpAcceptance, "");
    }

    /** Whether a pool or row of {@code engineName} at {@code version} may take this profile. */
    public boolean appliesTo(String engineName, String version) {
        return engine.equals(engineName) && (pinnedVersion.isEmpty() || pinnedVersion.equals(version));
    }

    /** A profile of points none of which decoded with multi-token prediction. */
    public EndToEndProfile(String name, String gpu, String engine, List<String> engineVersions, String precision,
                           PerformanceSpec performance, double requestLatencySeconds, List<String> models,
                           int deployments, String data, String fittedBy, LatencyError training,
                           Optional<CrossValidated> crossValidated) {
        this(name, gpu, engine, engineVersions, precision, performance, requestLatencySeconds, models, deployments,
                data, fittedBy, training, crossValidated, Double.NaN);
    }

    /**
     * The error of a k-fold cross-validation by deployment: deployments are split into
     * {@code folds} groups; each group's points are predicted with parameters fitted on the
     * others only.
     *
     * @param folds number of groups
     * @param error error over all points, each predicted without its deployment
     * @param kneeCapacity predicted / measured capacity at the SLO knee of the points' latency
     *                     curves, each predicted without its deployment; empty when no curve
     *                     has a measured knee
     */
    public record CrossValidated(int folds, LatencyError error, Optional<CapacityRatio> kneeCapacity) {

        /** A cross-validation without a capacity comparison. */
        public CrossValidated(int folds, LatencyError error) {
            this(folds, error, Optional.empty());
        }
    }
}
