package io.fleetsim.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measurements a points file lists more than once, under deployments that disagree on whether
 * the run decoded with multi-token prediction ({@link MtpRecipe}). A measurement is one run: the
 * same system, engine, mode, prompt and output length and concurrency, and the very same mean
 * TTFT and TPOT (equal to the last digit; two runs never agree that closely). AIConfigurator's
 * sample lists many plain runs of InferenceX's {@code dsr1} sweeps twice, under
 * {@code deepseek-ai/DeepSeek-R1} (the sweep files) and {@code deepseek-ai/DeepSeek-V3} (the
 * benchmark database dump); a run cannot be both plain and speculative, and the listing that
 * needs no setting its row does not state is kept: the one without multi-token prediction. Its
 * other listings are skipped, naming it.
 *
 * <p>Measurements listed more than once under deployments that agree are left alone (every
 * listing is simulated, as before).
 */
public final class DuplicateMeasurements {

    private DuplicateMeasurements() {
    }

    /** What identifies one run. */
    private record Run(String system, String backend, String mode, int promptTokens, int outputTokens,
                       int concurrency, double ttftMs, double tpotMs) {

        static Run of(MeasuredPoint p) {
            Deployment d = p.deployment();
            return new Run(d.system(), d.backend(), d.mode(), p.promptTokens(), p.outputTokens(), p.concurrency(),
                    p.measuredTtftMs(), p.measuredTpotMs());
        }
    }

    /**
     * For each point of {@code points} listed as multi-token prediction whose run is also listed
     * under a deployment without it, the id of the first such listing; keyed by the point's id.
     */
    public static Map<String, String> speculativeListings(List<MeasuredPoint> points) {
        Map<Run, List<MeasuredPoint>> runs = new LinkedHashMap<>();
        for (MeasuredPoint p : points) {
            runs.computeIfAbsent(Run.of(p), r -> new ArrayList<>()).add(p);
        }
        Map<String, String> out = new HashMap<>();
        for (List<MeasuredPoint> listings : runs.values()) {
            MeasuredPoint plain = listings.stream().filter(p -> !MtpRecipe.applies(p.deployment())).findFirst()
                    .orElse(null);
            if (plain == null) {
                continue;
            }
            for (MeasuredPoint p : listings) {
                if (MtpRecipe.applies(p.deployment()) && !Objects.equals(p.id(), plain.id())) {
                    out.put(p.id(), plain.id());
                }
            }
        }
        return Map.copyOf(out);
    }
}
