package io.fleetsim.calibration;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.PerformanceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a profiles file ({@code profiles: [...]}, the format {@code fleetsim calibrate} prints),
 * checking every field through {@link SpecNode}. Names must be unique, and so must the GPU and
 * degree of profiles fitted at one degree, since that pair picks a pool's default.
 */
final class ProfileReader {

    private static final String[] ERROR_FIELDS = {"points", "prefill_ape_median_pct", "prefill_ape_p90_pct",
        "per_token_ape_median_pct", "per_token_ape_p90_pct"};

    private ProfileReader() {
    }

    static List<PerformanceProfile> read(SpecNode root) {
        root.allowOnly("profiles");
        List<PerformanceProfile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> defaults = new HashSet<>();
        for (SpecNode n : root.required("profiles").elements()) {
            n.allowOnly("name", "gpu", "tensor_parallel", "compute_efficiency", "memory_efficiency",
                    "iteration_overhead", "models", "data", "fitted_by", "training", "held_out");
            PerformanceProfile p = profile(n);
            if (!names.add(p.name())) {
                throw n.get("name").error("duplicate profile name '" + p.name() + "'");
            }
            if (p.tensorParallel().isPresent()
                    && !defaults.add(p.gpu() + " at tensor_parallel " + p.tensorParallel().getAsInt())) {
                throw n.get("tensor_parallel").error("another profile is already the default for " + p.gpu()
                        + " at tensor_parallel " + p.tensorParallel().getAsInt());
            }
            out.add(p);
        }
        return out;
    }

    private static PerformanceProfile profile(SpecNode n) {
        OptionalInt tp = n.get("tensor_parallel").isMissing() ? OptionalInt.empty()
                : OptionalInt.of((int) n.get("tensor_parallel").integerIn(1, 64));
        PerformanceSpec performance = new PerformanceSpec(
                n.required("compute_efficiency").numberIn(EfficiencyFitter.MIN_EFFICIENCY, EfficiencyFitter.MAX_EFFICIENCY),
                n.required("memory_efficiency").numberIn(EfficiencyFitter.MIN_EFFICIENCY, EfficiencyFitter.MAX_EFFICIENCY),
                n.required("iteration_overhead").durationSeconds());
        List<String> models = new ArrayList<>();
        for (SpecNode m : n.required("models").elements()) {
            models.add(m.text());
        }
        Optional<FitError> heldOut = n.get("held_out").isMissing() ? Optional.empty()
                : Optional.of(fitError(n.get("held_out")));
        return new PerformanceProfile(n.required("name").text(), n.required("gpu").text(), tp, performance, models,
                n.required("data").text(), n.required("fitted_by").text(), fitError(n.required("training")), heldOut);
    }

    private static FitError fitError(SpecNode n) {
        n.allowOnly(ERROR_FIELDS);
        return new FitError((int) n.required("points").integerIn(1, Integer.MAX_VALUE),
                percent(n.required("prefill_ape_median_pct")), percent(n.required("prefill_ape_p90_pct")),
                percent(n.required("per_token_ape_median_pct")), percent(n.required("per_token_ape_p90_pct")));
    }

    private static double percent(SpecNode n) {
        return n.numberIn(0, 1e6) / 100;
    }
}
