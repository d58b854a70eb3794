package io.fleetsim.report;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.LatencyError;
import java.util.List;
import java.util.Locale;

/**
 * How far a pool's latencies can be trusted, in words: the error of its end-to-end profile on
 * measured deployments the fit never saw, or that no measured deployment backs its engine
 * overheads.
 */
final class EndToEndBand {

    private EndToEndBand() {
    }

    /** Lines (each under 100 columns) on {@code profile}'s cross-validated error (null: no fitted profile). */
    static List<String> describe(EndToEndProfile profile) {
        if (profile == null) {
            return List.of("engine overheads: defaults, not fitted to measured deployments (latency error unknown)");
        }
        String fitted = String.format(Locale.ROOT, "engine overheads fitted end to end: %s (%d points, %d deployments)",
                profile.name(), profile.training().points(), profile.deployments());
        if (profile.crossValidated().isEmpty()) {
            LatencyError t = profile.training();
            return List.of(fitted, String.format(Locale.ROOT, "not cross-validated (one deployment); median error on "
                    + "the points fitted: TTFT %s, TPOT %s", pct(t.ttftMedian()), pct(t.tpotMedian())));
        }
        LatencyError cv = profile.crossValidated().get().error();
        return List.of(fitted, String.format(Locale.ROOT, "on deployments left out of the fit: TTFT off by %s "
                + "(p90 %s), TPOT by %s (p90 %s)", pct(cv.ttftMedian()), pct(cv.ttftP90()),
                pct(cv.tpotMedian()), pct(cv.tpotP90())));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
