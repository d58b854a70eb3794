package io.fleetsim.report;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.LatencyError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        EndToEndProfile.CrossValidated c = profile.crossValidated().get();
        LatencyError cv = c.error();
        List<String> lines = new ArrayList<>(List.of(fitted, String.format(Locale.ROOT, "on deployments left out of "
                + "the fit: TTFT off by %s (p90 %s), TPOT by %s (p90 %s)", pct(cv.ttftMedian()), pct(cv.ttftP90()),
                pct(cv.tpotMedian()), pct(cv.tpotP90()))));
        c.kneeCapacity().ifPresent(k -> lines.add(String.format(Locale.ROOT, "capacity at the SLO knee predicted at "
                + "%.2f-%.2fx of measured (p10-p90, median %.2fx, %d curves)", k.p10(), k.p90(), k.median(),
                k.curves())));
        return List.copyOf(lines);
    }

    /**
     * The range {@code perReplica} requests/s would span if it were off as capacity at the SLO knee
     * was on deployments left out of {@code profile}'s fit, e.g. {@code 9.52-15.41}; empty without
     * such a comparison.
     */
    static Optional<String> capacityRange(EndToEndProfile profile, double perReplica) {
        if (profile == null) {
            return Optional.empty();
        }
        return profile.crossValidated().flatMap(EndToEndProfile.CrossValidated::kneeCapacity).map(k ->
                String.format(Locale.ROOT, "%.2f-%s", perReplica / k.p90(), k.p10() > 0
                        ? String.format(Locale.ROOT, "%.2f", perReplica / k.p10()) : "unbounded"));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
