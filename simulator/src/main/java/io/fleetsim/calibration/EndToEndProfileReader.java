package io.fleetsim.calibration;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.StepTimeMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads end-to-end profiles ({@code profiles: [...]}, the format {@code fleetsim calibrate} writes
 * for measured benchmark points and {@link EndToEndProfileText} renders), checking every field
 * through {@link SpecNode}. Names must be unique.
 */
public final class EndToEndProfileReader {

    static final String[] ERROR_FIELDS = {"points", "ttft_ape_median_pct", "ttft_ape_p90_pct",
        "tpot_ape_median_pct", "tpot_ape_p90_pct"};

    /** Weight precisions a profile may be fitted at (the ids of {@link io.fleetsim.hardware.Precision}). */
    private static final String[] PRECISIONS = java.util.Arrays.stream(io.fleetsim.hardware.Precision.values())
            .map(io.fleetsim.hardware.Precision::id).toArray(String[]::new);

    private EndToEndProfileReader() {
    }

    /** The profiles of a profiles file; a missing or bad file is a {@link io.fleetsim.input.ScenarioException}. */
    public static List<EndToEndProfile> read(java.nio.file.Path file) {
        return read(document(file));
    }

    /** The root node of a profiles file; a missing or bad file is a {@link io.fleetsim.input.ScenarioException}. */
    static SpecNode document(java.nio.file.Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new io.fleetsim.input.ScenarioException(file.toString(), 0, "", "cannot read: " + e.getMessage());
        }
        return io.fleetsim.input.SpecDocument.parse(text, file.toString(), false);
    }

    /** The folds and error of a {@code cross_validated} block whose fields the caller has checked. */
    static EndToEndProfile.CrossValidated crossValidated(SpecNode c) {
        return new EndToEndProfile.CrossValidated((int) c.required("folds").integerIn(2, 1_000_000), error(c));
    }

    /** The profiles under {@code root}. */
    public static List<EndToEndProfile> read(SpecNode root) {
        root.allowOnly("profiles");
        List<EndToEndProfile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SpecNode n : root.required("profiles").elements()) {
            n.allowOnly("name", "gpu", "engine", "engine_versions", "engine_version", "precision", "compute_efficiency",
                    "memory_efficiency", "iteration_overhead", "step_time", "engine_iteration_overhead",
                    "engine_sequence_overhead", "engine_token_overhead", "request_latency",
                    "request_latency_per_in_flight", "mtp_acceptance", "models", "deployments", "data", "fitted_by",
                    "training", "cross_validated");
            EndToEndProfile p = profile(n);
            if (!names.add(p.name())) {
                throw n.get("name").error("duplicate profile name '" + p.name() + "'");
            }
            out.add(p);
        }
        return out;
    }

    private static EndToEndProfile profile(SpecNode n) {
        PerformanceSpec roofline = new PerformanceSpec(
                n.required("compute_efficiency").numberIn(EfficiencyFitter.MIN_EFFICIENCY, EfficiencyFitter.MAX_EFFICIENCY),
                n.required("memory_efficiency").numberIn(EfficiencyFitter.MIN_EFFICIENCY, EfficiencyFitter.MAX_EFFICIENCY),
                seconds(n.required("iteration_overhead")));
        double requestLatency = seconds(n.required("request_latency"));
        double perInFlight = n.get("request_latency_per_in_flight").isMissing() ? 0
                : seconds(n.get("request_latency_per_in_flight"));
        boolean kernels = !n.get("step_time").isMissing() && n.get("step_time").choice("kernels", "roofline")
                .equals("kernels");
        if (!kernels) {
            for (String f : List.of("engine_iteration_overhead", "engine_sequence_overhead", "engine_token_overhead")) {
                if (!n.get(f).isMissing()) {
                    throw n.get(f).error("applies to the kernel model only (step_time: kernels)");
                }
            }
        }
        PerformanceSpec performance = (kernels ? new PerformanceSpec(roofline.computeEfficiency(),
                roofline.memoryEfficiency(), roofline.iterationOverheadSeconds(),
                seconds(n.required("engine_iteration_overhead")), seconds(n.required("engine_sequence_overhead")),
                seconds(n.required("engine_token_overhead")), requestLatency, perInFlight, StepTimeMethod.KERNELS)
                : roofline.withRequestLatency(requestLatency).withRequestLatencyPerInFlight(perInFlight));
        Optional<EndToEndProfile.CrossValidated> cv = Optional.empty();
        SpecNode c = n.get("cross_validated");
        if (!c.isMissing()) {
            c.allowOnly("folds", "points", "ttft_ape_median_pct", "ttft_ape_p90_pct", "tpot_ape_median_pct",
                    "tpot_ape_p90_pct", "knee_capacity_ratio");
            EndToEndProfile.CrossValidated errors = crossValidated(c);
            cv = Optional.of(new EndToEndProfile.CrossValidated(errors.folds(), errors.error(),
                    capacity(c.get("knee_capacity_ratio"))));
        }
        SpecNode training = n.required("training");
        training.allowOnly(ERROR_FIELDS);
        List<String> versions = texts(n.required("engine_versions"));
        String pinned = n.get("engine_version").isMissing() ? "" : n.get("engine_version").text();
        if (!pinned.isEmpty() && !versions.equals(List.of(pinned))) {
            throw n.get("engine_version").error("a profile pinned to engine version '" + pinned
                    + "' must list that version alone in engine_versions (got " + versions + ")");
        }
        return new EndToEndProfile(n.required("name").text(), n.required("gpu").text(),
                n.required("engine").choice("vllm", "sglang", "trtllm"), versions,
                n.required("precision").choice(PRECISIONS), performance,
                requestLatency, texts(n.required("models")),
                (int) n.required("deployments").integerIn(1, Integer.MAX_VALUE), n.required("data").text(),
                n.required("fitted_by").text(), error(training), cv,
                n.get("mtp_acceptance").isMissing() ? Double.NaN : n.get("mtp_acceptance").numberIn(0, 1), pinned);
    }

    private static Optional<CapacityRatio> capacity(SpecNode n) {
        if (n.isMissing()) {
            return Optional.empty();
        }
        n.allowOnly("curves", "p10", "median", "p90");
        double p10 = n.required("p10").numberIn(0, 1e6);
        double median = n.required("median").numberIn(p10, 1e6);
        return Optional.of(new CapacityRatio((int) n.required("curves").integerIn(1, Integer.MAX_VALUE), p10, median,
                n.required("p90").numberIn(median, 1e6)));
    }

    private static List<String> texts(SpecNode list) {
        List<String> out = new ArrayList<>();
        for (SpecNode e : list.elements()) {
            out.add(e.text());
        }
        return out;
    }

    static LatencyError error(SpecNode n) {
        return new LatencyError((int) n.required("points").integerIn(1, Integer.MAX_VALUE),
                percent(n.required("ttft_ape_median_pct")), percent(n.required("ttft_ape_p90_pct")),
                percent(n.required("tpot_ape_median_pct")), percent(n.required("tpot_ape_p90_pct")));
    }

    /**
     * A duration in seconds; written in milliseconds or microseconds (as profiles are), by decimal arithmetic, so
     * that {@code 5.285ms} reads as the double nearest 0.005285, as it was written from.
     */
    static double seconds(SpecNode n) {
        double checked = n.durationSeconds();
        String t = n.text().strip();
        int shift = t.endsWith("ms") ? 3 : t.endsWith("us") ? 6 : 0;
        if (shift > 0) {
            try {
                return new java.math.BigDecimal(t.substring(0, t.length() - 2).strip()).movePointLeft(shift)
                        .doubleValue();
            } catch (NumberFormatException e) {
                return checked;
            }
        }
        return checked;
    }

    /** A percentage as a fraction, by decimal arithmetic so that {@code 12.34} reads as 0.1234 exactly. */
    private static double percent(SpecNode n) {
        return java.math.BigDecimal.valueOf(n.numberIn(0, 1e6)).movePointLeft(2).doubleValue();
    }
}
