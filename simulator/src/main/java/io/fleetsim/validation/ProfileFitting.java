package io.fleetsim.validation;

import io.fleetsim.calibration.CapacityRatio;
import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.EndToEndProfileReader;
import io.fleetsim.calibration.EndToEndProfileText;
import io.fleetsim.input.SpecDocument;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Fits one end-to-end profile per (GPU system, engine, precision) among measured points, since a
 * profile's efficiencies are shares of one GPU's peaks at one precision and its overheads are one
 * engine's, each with its training and cross-validated error; and beside it one pinned to each
 * engine version stated by some but not all of the group's points, where that version has at
 * least {@link #MIN_PINNED_POINTS} points spanning enough deployments to be cross-validated on
 * their own. Engine releases change the scheduler and the kernels the fitted overheads stand for
 * (SGLang 0.5.9 decodes Qwen3.5 on B200 some 3 ms a step slower than the group's fit predicts),
 * so a pool or row of a pinned version runs with its version's fit.
 */
public final class ProfileFitting {

    /** Fewest points of one engine version fitted on their own: two per engine parameter fitted. */
    static final int MIN_PINNED_POINTS = 10;

    private ProfileFitting() {
    }

    /**
     * One fitted group.
     *
     * @param profile     the profile, as read back from its text (what a file holds)
     * @param calibration the fit and its cross-validation
     * @param points      the group's points
     */
    public record GroupFit(EndToEndProfile profile, EndToEndCalibration calibration, List<SimulatedPoint> points) {
    }

    /**
     * Fits every group of {@code points}, in the order of their names.
     *
     * @param namePrefix start of each profile's name, followed by system, engine and precision
     * @param heldOut    what each cross-validation fold holds out whole
     * @param data       the points file, for the profiles' provenance
     * @param fittedBy   the command that fits them
     * @param progress   told the name of each group as its fit starts
     */
    public static List<GroupFit> fit(List<SimulatedPoint> points, String namePrefix, int folds, HeldOut heldOut,
                                     ParallelSimulator simulator, String data, String fittedBy,
                                     Consumer<String> progress) {
        Map<String, List<SimulatedPoint>> groups = new TreeMap<>();
        for (SimulatedPoint p : points) {
            groups.computeIfAbsent(name(namePrefix, p), k -> new ArrayList<>()).add(p);
        }
        List<GroupFit> out = new ArrayList<>();
        for (Map.Entry<String, List<SimulatedPoint>> g : groups.entrySet()) {
            progress.accept(g.getKey());
            List<SimulatedPoint> group = g.getValue();
            EndToEndCalibration c = EndToEndCalibration.of(group, folds, heldOut, simulator);
            out.add(new GroupFit(profile(g.getKey(), group, c, data, fittedBy, ""), c, group));
            Map<String, List<SimulatedPoint>> byVersion = new TreeMap<>();
            for (SimulatedPoint p : group) {
                if (!p.point().deployment().backendVersion().isEmpty()) {
                    byVersion.computeIfAbsent(p.point().deployment().backendVersion(), k -> new ArrayList<>()).add(p);
                }
            }
            for (Map.Entry<String, List<SimulatedPoint>> v : byVersion.entrySet()) {
                List<SimulatedPoint> pinned = v.getValue();
                if (pinned.size() == group.size() || pinned.size() < MIN_PINNED_POINTS
                        || DeploymentFolds.of(pinned.stream().map(SimulatedPoint::point).toList(), folds).folds() < 2) {
                    // the group's own fit already is this version's, too few points to fit, or it could not
                    // be cross-validated
                    continue;
                }
                String name = g.getKey() + "-" + v.getKey().replaceAll("[^A-Za-z0-9.]+", "-");
                progress.accept(name);
                EndToEndCalibration pc = EndToEndCalibration.of(pinned, folds, heldOut, simulator);
                out.add(new GroupFit(profile(name, pinned, pc, data, fittedBy, v.getKey()), pc, pinned));
            }
        }
        return out;
    }

    /**
     * Each fitted point's cross-validated outcome, in the order of the fits' points: from the fit
     * pinned to its engine version where there is one, else from its group's; empty where no fit
     * was cross-validated.
     */
    public static List<PointOutcome> crossValidated(List<GroupFit> fits) {
        Map<SimulatedPoint, PointOutcome> pinned = new IdentityHashMap<>();
        for (GroupFit f : fits) {
            if (!f.profile().pinnedVersion().isEmpty()) {
                f.calibration().crossValidated().ifPresent(o -> {
                    for (int i = 0; i < o.size(); i++) {
                        pinned.put(f.points().get(i), o.get(i));
                    }
                });
            }
        }
        List<PointOutcome> out = new ArrayList<>();
        for (GroupFit f : fits) {
            if (f.profile().pinnedVersion().isEmpty()) {
                f.calibration().crossValidated().ifPresent(o -> {
                    for (int i = 0; i < o.size(); i++) {
                        out.add(pinned.getOrDefault(f.points().get(i), o.get(i)));
                    }
                });
            }
        }
        return out;
    }

    /** The profile name of the group {@code p} belongs to. */
    static String name(String prefix, SimulatedPoint p) {
        String system = p.point().deployment().system().toLowerCase(Locale.ROOT).replace('_', '-');
        return prefix + "-" + system + "-" + p.plan().engine() + "-"
                + p.plan().server().memory().precision().family().id();
    }

    /** Capacity at the SLO knee predicted without each deployment against its measured curves. */
    private static Optional<CapacityRatio> kneeCapacity(EndToEndCalibration c) {
        return c.crossValidated().flatMap(outcomes -> {
            KneeCapacity.Summary s = KneeCapacity.of(outcomes, KneeCapacity.DEFAULT_SLO_FACTOR).summary();
            return s.curves() == 0 ? Optional.empty()
                    : Optional.of(new CapacityRatio(s.curves(), s.p10(), s.median(), s.p90()).rounded());
        });
    }

    private static EndToEndProfile profile(String name, List<SimulatedPoint> group, EndToEndCalibration c,
                                           String data, String fittedBy, String pinnedVersion) {
        DeploymentPlan first = group.get(0).plan();
        TreeSet<String> versions = new TreeSet<>();
        TreeSet<String> models = new TreeSet<>();
        for (SimulatedPoint p : group) {
            if (!p.plan().engineVersion().isEmpty()) {
                versions.add(p.plan().engineVersion());
            }
            models.add(p.plan().server().memory().model().name());
        }
        EndToEndProfile p = new EndToEndProfile(name, first.server().memory().gpu().name(), first.engine(),
                List.copyOf(versions), first.server().memory().precision().family().id(), c.parameters().performance(),
                c.parameters().requestLatencySeconds(), List.copyOf(models),
                c.deployments(), data, fittedBy, c.training(),
                c.crossValidatedError().map(e -> new EndToEndProfile.CrossValidated(c.folds(), e, kneeCapacity(c))),
                c.parameters().mtpAcceptance(), pinnedVersion);
        // What a profiles file holds is the text: the profile is what reading it back gives.
        String text = EndToEndProfileText.file(List.of(p), "");
        return EndToEndProfileReader.read(SpecDocument.parse(text, name + ".yaml", false)).get(0);
    }
}
