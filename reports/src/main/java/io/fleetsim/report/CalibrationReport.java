package io.fleetsim.report;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.HandoffProfile;
import io.fleetsim.calibration.LatencyError;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.StepTimeMethod;
import io.fleetsim.validation.EndToEndCalibration;
import io.fleetsim.validation.ProfileFitting;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code fleetsim calibrate} prints for measured end-to-end points: per fitted profile its
 * parameters, its error on the points fitted and its error under cross-validation by deployment.
 */
public final class CalibrationReport {

    private CalibrationReport() {
    }

    /** The fitted step-time parameters, as a profile's model reads them. */
    static String parameters(PerformanceSpec s) {
        return s.method() == StepTimeMethod.KERNELS
                ? String.format(Locale.ROOT, "%.2fms %.1fus %.2fus",
                s.engineIterationSeconds() * 1e3, s.engineSequenceSeconds() * 1e6, s.engineTokenSeconds() * 1e6)
                : String.format(Locale.ROOT, "%.3f %.3f %.2fms", s.computeEfficiency(),
                s.memoryEfficiency(), s.iterationOverheadSeconds() * 1e3);
    }

    /** {@code leading} followed by the training and cross-validated error columns every profile table ends with. */
    private static Column[] withErrorColumns(Column... leading) {
        Column[] errors = {new Column("fit_ttft_p50", "fit TTFT", ValueFormat.SHARE),
            new Column("fit_tpot_p50", "fit TPOT", ValueFormat.SHARE),
            new Column("cv_ttft_p50", "CV TTFT p50", ValueFormat.SHARE),
            new Column("cv_ttft_p90", "p90", ValueFormat.SHARE),
            new Column("cv_tpot_p50", "CV TPOT p50", ValueFormat.SHARE),
            new Column("cv_tpot_p90", "p90", ValueFormat.SHARE)};
        Column[] all = Arrays.copyOf(leading, leading.length + errors.length);
        System.arraycopy(errors, 0, all, leading.length, errors.length);
        return all;
    }

    /** {@code leading} followed by the cells of {@link #withErrorColumns}: NaN where there was no cross-validation. */
    private static Object[] withErrors(LatencyError training, Optional<EndToEndProfile.CrossValidated> crossValidated,
                                       Object... leading) {
        LatencyError cv = crossValidated.map(EndToEndProfile.CrossValidated::error).orElse(null);
        Object[] errors = {training.ttftMedian(), training.tpotMedian(),
            cv == null ? Double.NaN : cv.ttftMedian(), cv == null ? Double.NaN : cv.ttftP90(),
            cv == null ? Double.NaN : cv.tpotMedian(), cv == null ? Double.NaN : cv.tpotP90()};
        Object[] all = Arrays.copyOf(leading, leading.length + errors.length);
        System.arraycopy(errors, 0, all, leading.length, errors.length);
        return all;
    }

    /** The constant request latency, and what it grows by per request in flight where it does. */
    private static String requestLatency(EndToEndProfile p) {
        double perInFlight = p.performance().requestLatencyPerInFlightSeconds();
        String constant = String.format(Locale.ROOT, "%.1f ms", p.requestLatencySeconds() * 1e3);
        return perInFlight > 0 ? constant + String.format(Locale.ROOT, " + %.2f ms/req", perInFlight * 1e3) : constant;
    }

    /** One row per profile. */
    public static String text(List<ProfileFitting.GroupFit> fits) {
        Table t = new Table(withErrorColumns(new Column("gpu", "gpu", ValueFormat.TEXT),
                new Column("engine", "engine", ValueFormat.TEXT), new Column("version", "version", ValueFormat.TEXT),
                new Column("precision", "prec", ValueFormat.TEXT),
                new Column("points", "rows", ValueFormat.COUNT), new Column("deployments", "depl", ValueFormat.COUNT),
                new Column("step_time", "model", ValueFormat.TEXT),
                new Column("parameters", "parameters", ValueFormat.TEXT),
                new Column("request_latency", "req lat", ValueFormat.TEXT)));
        for (ProfileFitting.GroupFit f : fits) {
            EndToEndProfile p = f.profile();
            t.addRow(withErrors(p.training(), p.crossValidated(), p.gpu(), p.engine(),
                    p.pinnedVersion().isEmpty() ? "any" : p.pinnedVersion(), p.precision(), f.points().size(),
                    p.deployments(), p.performance().method().name().toLowerCase(Locale.ROOT),
                    parameters(p.performance()), requestLatency(p)));
        }
        StringBuilder names = new StringBuilder();
        for (ProfileFitting.GroupFit f : fits) {
            names.append(String.format(Locale.ROOT, "  %s: %s, %s%s, %s%n", f.profile().name(), f.profile().gpu(),
                    f.profile().engine(), f.profile().pinnedVersion().isEmpty() ? "" : " " + f.profile().pinnedVersion()
                            + " only", f.profile().precision()));
            if (!Double.isNaN(f.profile().mtpAcceptance())) {
                long speculating = f.points().stream().filter(x -> x.plan().server().speculative() != null).count();
                names.append(String.format(Locale.ROOT, "    multi-token prediction acceptance %.3f, fitted on the "
                        + "%d of its rows whose recipe used it%n", f.profile().mtpAcceptance(), speculating));
            }
            for (String limit : EndToEndCalibration.space(f.points()).atLimits(f.calibration().parameters())) {
                names.append("    note: ").append(limit).append(" (the model fits these points no better within "
                        + "the range searched)\n");
            }
        }
        return "Fitted profiles (absolute percentage error of mean TTFT and TPOT; fit = on the points fitted, "
                + "CV = each deployment predicted by a fit on the other folds' deployments; version: the engine "
                + "version a profile is pinned to, any = fitted on every version of its group):\n"
                + TextTableRenderer.render(t)
                + "parameters: kernels = engine time per iteration, per sequence and per prompt token; roofline = "
                + "compute and memory efficiency, iteration overhead\n"
                + "Profile names:\n" + names;
    }
    /** One row per handoff profile ({@code calibrate --mode disagg}). */
    public static String handoffText(List<HandoffProfile> profiles) {
        Table t = new Table(withErrorColumns(new Column("name", "profile", ValueFormat.TEXT),
                new Column("gpu", "gpu", ValueFormat.TEXT), new Column("engine", "engine", ValueFormat.TEXT),
                new Column("points", "rows", ValueFormat.COUNT), new Column("deployments", "depl", ValueFormat.COUNT),
                new Column("handoff_latency", "handoff", ValueFormat.TEXT)));
        for (HandoffProfile p : profiles) {
            t.addRow(withErrors(p.training(), p.crossValidated(), p.name(), p.gpu(), p.engine(), p.training().points(),
                    p.deployments(), String.format(Locale.ROOT, "%.1f ms", p.latencySeconds() * 1e3)));
        }
        return "Fitted handoff latencies of disaggregated deployments (absolute percentage error of mean TTFT and "
                + "TPOT; fit = on the points fitted, CV = each deployment predicted by a fit on the other folds' "
                + "deployments):\n" + TextTableRenderer.render(t);
    }
}
