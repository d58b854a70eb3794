package io.fleetsim.validation;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.HandoffProfile;
import io.fleetsim.calibration.HandoffProfileReader;
import io.fleetsim.calibration.HandoffProfileText;
import io.fleetsim.calibration.LatencyError;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.HandoffSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fits the handoff latency of disaggregated deployments ({@link HandoffSpec}) per (GPU system,
 * engine) to measured disaggregated points, with k-fold cross-validation by deployment as
 * {@link EndToEndCalibration} does for aggregated ones: deployments dealt to folds as
 * {@link DeploymentFolds} says; each fold's points predicted with a latency fitted on the other
 * folds only.
 *
 * <p>The fit: every point is simulated (the shorter {@link ClosedLoopBenchmark.Length#FIT} runs) at
 * each latency of {@link #GRID}; between them a point's mean TTFT and TPOT are interpolated
 * linearly, and the latency, scanned in steps of {@value #STEP_MS} ms over the grid's range,
 * is the one minimising {@link EndToEndFitter}'s loss (pseudo-Huber of the log errors of TTFT and
 * TPOT), the smallest of equal ones. Scoring (training and cross-validated error) simulates each
 * point at its fitted latency with the validation-length runs: the interpolation only chooses.
 */
public final class HandoffFitting {

    /** Handoff latencies, in seconds, every point is simulated at for the fit. */
    static final double[] GRID = {0, 0.1, 0.3, 1.0, 3.0};
    /** Step of the scan over the grid's range. */
    static final int STEP_MS = 1;
    /** Objective contribution of a point whose simulation failed. */
    private static final double FAILED = 100;

    private HandoffFitting() {
    }

    /**
     * One fitted group.
     *
     * @param profile        the profile, as read back from its text
     * @param training       every point of the group at the fitted latency
     * @param crossValidated every point predicted without its deployment (empty with one deployment)
     */
    public record GroupFit(HandoffProfile profile, List<PointOutcome> training, List<PointOutcome> crossValidated) {
    }

    /**
     * Fits every group of {@code points}, in the order of their names.
     *
     * @param namePrefix start of each profile's name, followed by system and engine
     * @param data       the points file, for the profiles' provenance
     * @param fittedBy   the command that fits them
     * @param progress   told what is simulated as each pass over the points starts
     */
    public static List<GroupFit> fit(List<DisaggregatedPoint> points, String namePrefix, int folds,
                                     ParallelSimulator simulator, String data, String fittedBy,
                                     java.util.function.Consumer<String> progress) {
        double[][] ttft = new double[GRID.length][];
        double[][] tpot = new double[GRID.length][];
        for (int g = 0; g < GRID.length; g++) {
            progress.accept(String.format(Locale.ROOT, "every row at a handoff of %.0f ms (%d of %d)", GRID[g] * 1e3,
                    g + 1, GRID.length));
            List<SimulatedLatency> s = simulator.simulateDisaggregated(at(points, GRID[g], "grid"),
                    ClosedLoopBenchmark.Length.FIT);
            ttft[g] = s.stream().mapToDouble(SimulatedLatency::meanTtftSeconds).toArray();
            tpot[g] = s.stream().mapToDouble(SimulatedLatency::meanTpotSeconds).toArray();
        }
        Surrogate surrogate = new Surrogate(points, ttft, tpot);
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < points.size(); i++) {
            groups.computeIfAbsent(name(namePrefix, points.get(i)), k -> new ArrayList<>()).add(i);
        }
        // Every group's fits first, then two simulation passes over all points (training, cross-validation).
        List<DisaggregatedPoint> trained = new ArrayList<>();
        List<DisaggregatedPoint> held = new ArrayList<>();
        List<String> heldLabels = new ArrayList<>();
        Map<String, double[]> fitted = new TreeMap<>();
        Map<String, Integer> foldsOf = new TreeMap<>();
        Map<String, Integer> deploymentsOf = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> members = g.getValue();
            double all = surrogate.best(members);
            fitted.put(g.getKey(), new double[]{all});
            members.forEach(i -> trained.add(at(points.get(i), all, g.getKey())));
            DeploymentFolds fold = DeploymentFolds.of(members.stream().map(i -> points.get(i).point()).toList(),
                    folds);
            deploymentsOf.put(g.getKey(), fold.deployments());
            int k = fold.folds();
            foldsOf.put(g.getKey(), k);
            if (k < 2) {
                continue;
            }
            for (int f = 0; f < k; f++) {
                List<Integer> train = new ArrayList<>();
                for (int i : members) {
                    if (fold.fold(points.get(i).point()) != f) {
                        train.add(i);
                    }
                }
                double h = surrogate.best(train);
                for (int i : members) {
                    if (fold.fold(points.get(i).point()) == f) {
                        held.add(at(points.get(i), h, g.getKey()));
                        heldLabels.add(String.format(Locale.ROOT, "handoff %.3f ms fitted without fold %d of %d",
                                h * 1e3, f + 1, k));
                    }
                }
            }
        }
        progress.accept("every row at the handoff fitted on its group");
        List<PointOutcome> trainedOutcomes = outcomes(trained, simulator, null);
        progress.accept("every row at the handoff fitted without its deployment's fold");
        List<PointOutcome> heldOutcomes = outcomes(held, simulator, heldLabels);
        List<GroupFit> out = new ArrayList<>();
        for (String group : groups.keySet()) {
            List<PointOutcome> t = new ArrayList<>();
            for (int i = 0; i < trained.size(); i++) {
                if (trained.get(i).plan().server().handoff().source().equals(group)) {
                    t.add(trainedOutcomes.get(i));
                }
            }
            List<PointOutcome> cv = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                if (held.get(i).plan().server().handoff().source().equals(group)) {
                    cv.add(heldOutcomes.get(i));
                }
            }
            DisaggregatedPoint first = points.get(groups.get(group).get(0));
            int k = foldsOf.get(group);
            HandoffProfile p = new HandoffProfile(group, first.plan().server().prefill().memory().gpu().name(),
                    first.plan().engine(), fitted.get(group)[0], deploymentsOf.get(group), data, fittedBy,
                    EndToEndCalibration.error(t), k == 0 ? Optional.empty()
                            : Optional.of(new EndToEndProfile.CrossValidated(k, EndToEndCalibration.error(cv))));
            out.add(new GroupFit(readBack(p), t, cv));
        }
        return out;
    }

    /** The profile name of the group {@code p} belongs to. */
    static String name(String prefix, DisaggregatedPoint p) {
        return prefix + "-" + p.point().deployment().system().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + p.plan().engine();
    }

    private static List<DisaggregatedPoint> at(List<DisaggregatedPoint> points, double seconds, String source) {
        return points.stream().map(p -> at(p, seconds, source)).toList();
    }

    private static DisaggregatedPoint at(DisaggregatedPoint p, double seconds, String source) {
        return new DisaggregatedPoint(p.point(), p.plan().withHandoff(new HandoffSpec(seconds, source)));
    }

    private static List<PointOutcome> outcomes(List<DisaggregatedPoint> points, ParallelSimulator simulator,
                                               List<String> labels) {
        List<SimulatedLatency> s = simulator.simulateDisaggregated(points, ClosedLoopBenchmark.Length.VALIDATION);
        List<PointOutcome> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            MeasuredPoint m = points.get(i).point();
            String label = labels != null ? labels.get(i) : String.format(Locale.ROOT,
                    "handoff %.3f ms fitted on all deployments", points.get(i).plan().server().handoff().latencySeconds() * 1e3);
            out.add(Double.isNaN(s.get(i).meanTtftSeconds()) ? PointOutcome.skipped(m, "simulation failed")
                    : PointOutcome.predicted(m, s.get(i), label));
        }
        return out;
    }

    /** What a profiles file holds is the text: the profile is what reading it back gives. */
    private static HandoffProfile readBack(HandoffProfile p) {
        String text = HandoffProfileText.file(List.of(p), "");
        return HandoffProfileReader.read(SpecDocument.parse(text, p.name() + ".yaml", false)).get(0);
    }

    /** Each point's simulated latencies between the grid's, interpolated linearly. */
    private record Surrogate(List<DisaggregatedPoint> points, double[][] ttft, double[][] tpot) {

        /** The latency of least loss over the points {@code members}, scanned over the grid's range. */
        double best(List<Integer> members) {
            int steps = (int) Math.round(GRID[GRID.length - 1] * 1e3 / STEP_MS);
            double bestSeconds = 0;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int s = 0; s <= steps; s++) {
                double h = s * STEP_MS * 1e-3;
                double v = objective(members, h);
                if (v < bestValue) {
                    bestValue = v;
                    bestSeconds = h;
                }
            }
            return bestSeconds;
        }

        private double objective(List<Integer> members, double h) {
            int g = 0;
            while (g < GRID.length - 2 && h > GRID[g + 1]) {
                g++;
            }
            double w = (h - GRID[g]) / (GRID[g + 1] - GRID[g]);
            double sum = 0;
            for (int i : members) {
                MeasuredPoint m = points.get(i).point();
                double t = Math.log(((1 - w) * ttft[g][i] + w * ttft[g + 1][i]) * 1e3 / m.measuredTtftMs());
                sum += Double.isFinite(t) ? EndToEndFitter.loss(t) : FAILED;
                if (m.outputTokens() > 1) {
                    double p = Math.log(((1 - w) * tpot[g][i] + w * tpot[g + 1][i]) * 1e3 / m.measuredTpotMs());
                    sum += Double.isFinite(p) ? EndToEndFitter.loss(p) : FAILED;
                }
            }
            return sum;
        }
    }
}
