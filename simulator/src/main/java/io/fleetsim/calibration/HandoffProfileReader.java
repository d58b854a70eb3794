package io.fleetsim.calibration;

import io.fleetsim.input.SpecNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads handoff profiles ({@code handoff_profiles: [...]}, as {@code fleetsim calibrate --mode
 * disagg} writes them), checking every field through {@link SpecNode}: names unique, at most one
 * profile per (GPU, engine), the latency a duration of at least 0.
 */
public final class HandoffProfileReader {

    private HandoffProfileReader() {
    }

    /** The profiles of a file; a missing or bad file is a {@link io.fleetsim.input.ScenarioException}. */
    public static List<HandoffProfile> read(java.nio.file.Path file) {
        return read(EndToEndProfileReader.document(file));
    }

    /** The profiles under {@code root}. */
    public static List<HandoffProfile> read(SpecNode root) {
        root.allowOnly("handoff_profiles");
        List<HandoffProfile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (SpecNode n : root.required("handoff_profiles").elements()) {
            n.allowOnly("name", "gpu", "engine", "handoff_latency", "deployments", "data", "fitted_by", "training",
                    "cross_validated");
            Optional<EndToEndProfile.CrossValidated> cv = Optional.empty();
            SpecNode c = n.get("cross_validated");
            if (!c.isMissing()) {
                c.allowOnly("folds", "points", "ttft_ape_median_pct", "ttft_ape_p90_pct", "tpot_ape_median_pct",
                        "tpot_ape_p90_pct");
                cv = Optional.of(EndToEndProfileReader.crossValidated(c));
            }
            SpecNode training = n.required("training");
            training.allowOnly(EndToEndProfileReader.ERROR_FIELDS);
            HandoffProfile p = new HandoffProfile(n.required("name").text(), n.required("gpu").text(),
                    n.required("engine").choice("vllm", "sglang", "trtllm"),
                    EndToEndProfileReader.seconds(n.required("handoff_latency")),
                    (int) n.required("deployments").integerIn(1, Integer.MAX_VALUE), n.required("data").text(),
                    n.required("fitted_by").text(), EndToEndProfileReader.error(training), cv);
            if (!names.add(p.name())) {
                throw n.get("name").error("duplicate profile name '" + p.name() + "'");
            }
            if (!groups.add(p.gpu() + "|" + p.engine())) {
                throw n.get("engine").error("a second profile for " + p.gpu() + " and " + p.engine());
            }
            out.add(p);
        }
        return out;
    }
}
