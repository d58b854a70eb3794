package io.fleetsim.validation;

import io.fleetsim.calibration.LatencyError;
import io.fleetsim.serving.KernelStepTime;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.spec.StepTimeMethod;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters ({@link EngineParameters}) fitted end to end to one group of measured points, and their error: on
 * the points fitted, and under k-fold cross-validation by deployment, where each deployment's
 * points are predicted with parameters fitted on the other folds' deployments only. No point is
 * ever scored by parameters fitted on it (or on any other point of its deployment).
 *
 * @param parameters     parameters fitted on all the points
 * @param training       error of those parameters on all the points
 * @param crossValidated per point (in the points' order), the prediction made without its
 *                       deployment; empty when there was one deployment only
 * @param folds          folds of the cross-validation (0 when there was none)
 * @param deployments    distinct deployments among the points
 */
public record EndToEndCalibration(EngineParameters parameters, LatencyError training,
                                  Optional<List<PointOutcome>> crossValidated, int folds, int deployments) {

    /**
     * Fits {@code points} and cross-validates over {@code folds} folds of deployments (fewer when
     * there are fewer deployments), dealt as {@link DeploymentFolds} says.
     */
    public static EndToEndCalibration of(List<SimulatedPoint> points, int folds, ParallelSimulator simulator) {
        return of(points, folds, HeldOut.DEPLOYMENT, simulator);
    }

    /** As {@link #of(List, int, ParallelSimulator)}, holding out {@code heldOut}'s units whole. */
    public static EndToEndCalibration of(List<SimulatedPoint> points, int folds, HeldOut heldOut,
                                         ParallelSimulator simulator) {
        ParameterSpace space = space(points);
        EngineParameters all = EndToEndFitter.fit(points, space, simulator);
        LatencyError training = error(outcomes(points, all, simulator, "fit on all deployments"));
        Map<MeasuredPoint, String> units = new IdentityHashMap<>();
        points.forEach(p -> units.put(p.point(), heldOut.unit(p)));
        DeploymentFolds deal = DeploymentFolds.of(points.stream().map(SimulatedPoint::point).toList(), folds,
                units::get);
        int k = deal.folds();
        if (k < 2) {
            return new EndToEndCalibration(all, training, Optional.empty(), 0, deal.deployments());
        }
        PointOutcome[] predicted = new PointOutcome[points.size()];
        for (int fold = 0; fold < k; fold++) {
            List<SimulatedPoint> train = new ArrayList<>();
            List<SimulatedPoint> test = new ArrayList<>();
            List<Integer> testIndex = new ArrayList<>();
            for (int j = 0; j < points.size(); j++) {
                SimulatedPoint p = points.get(j);
                if (deal.fold(p.point()) == fold) {
                    test.add(p);
                    testIndex.add(j);
                } else {
                    train.add(p);
                }
            }
            List<PointOutcome> scored = outcomes(test, EndToEndFitter.fit(train, space, simulator), simulator,
                    "fit without fold " + (fold + 1) + " of " + k);
            for (int j = 0; j < scored.size(); j++) {
                predicted[testIndex.get(j)] = scored.get(j);
            }
        }
        return new EndToEndCalibration(all, training, Optional.of(List.of(predicted)), k, deal.deployments());
    }

    /**
     * What a fit of {@code points} varies: the kernel model's engine overheads where the points'
     * replicas run on measured kernels, the roofline's factors where they fall back to it; and the
     * acceptance of multi-token prediction where some of the points speculate.
     */
    public static ParameterSpace space(List<SimulatedPoint> points) {
        boolean kernels = points.stream().allMatch(p -> StepTimeModels.of(p.plan().server().withoutSpeculation())
                instanceof KernelStepTime);
        ParameterSpace base = ParameterSpace.of(kernels ? StepTimeMethod.KERNELS : StepTimeMethod.ROOFLINE);
        boolean speculates = points.stream().anyMatch(p -> p.plan().server().speculative() != null);
        return speculates ? new SpeculativeSpace(base) : base;
    }

    /** The cross-validated error, when there was a cross-validation. */
    public Optional<LatencyError> crossValidatedError() {
        return crossValidated.map(EndToEndCalibration::error);
    }

    /** {@code points} simulated at {@code parameters} with validation-length runs. */
    static List<PointOutcome> outcomes(List<SimulatedPoint> points, EngineParameters parameters,
                                       ParallelSimulator simulator, String label) {
        List<SimulatedLatency> s = simulator.simulate(points, parameters, ClosedLoopBenchmark.Length.VALIDATION);
        List<PointOutcome> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            MeasuredPoint m = points.get(i).point();
            out.add(Double.isNaN(s.get(i).meanTtftSeconds()) ? PointOutcome.skipped(m, "simulation failed")
                    : PointOutcome.predicted(m, s.get(i), label));
        }
        return out;
    }

    /** The error of simulated outcomes, rounded as a profile states it. */
    static LatencyError error(List<PointOutcome> outcomes) {
        ErrorStats ttft = ErrorStats.of(outcomes.stream().mapToDouble(PointOutcome::ttftError).toArray());
        ErrorStats tpot = ErrorStats.of(outcomes.stream().mapToDouble(PointOutcome::tpotError).toArray());
        return new LatencyError(ttft.points(), ttft.median(), ttft.p90(), tpot.median(), tpot.p90()).rounded();
    }
}
