package io.fleetsim.serving;

import io.fleetsim.spec.PerformanceSpec;
import java.util.List;
import java.util.Locale;

/**
 * Which performance profile a pool's step times come from, for reports.
 *
 * @param profile name of the profile, e.g. {@code vllm 0.24.0 / h100_sxm kernels, bf16, tp 1}
 * @param source  where its numbers come from
 * @param fit     how well measured data backs it
 * @param notes   what was clamped, approximated or missing (empty when nothing)
 */
public record StepTimeProvenance(String profile, String source, ProfileFit fit, List<String> notes) {

    /** Canonical: notes copied. */
    public StepTimeProvenance {
        notes = List.copyOf(notes);
    }

    /** A roofline with {@code performance}'s factors, chosen by the pool. */
    static StepTimeProvenance roofline(PerformanceSpec performance) {
        return new StepTimeProvenance(String.format(Locale.ROOT, "roofline (compute %.3g, memory %.3g, overhead %.3g ms)",
                performance.computeEfficiency(), performance.memoryEfficiency(),
                performance.iterationOverheadSeconds() * 1e3), "datasheet peaks x efficiency factors",
                ProfileFit.UNCALIBRATED, List.of());
    }
}
