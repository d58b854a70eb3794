package io.fleetsim.validation;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Finds the parameters ({@link EngineParameters}) under which simulated benchmarks best reproduce measured
 * points: each point is simulated as it was measured ({@link DeploymentSimulation}, with the
 * shorter {@link ClosedLoopBenchmark.Length#FIT} runs) and contributes
 * {@code ln(predicted TTFT / measured)^2 + ln(predicted TPOT / measured)^2}, so that over- and
 * under-prediction by the same factor weigh the same, and TTFT and TPOT weigh the same.
 *
 * <p>The search is BOBYQA (bounded, derivative-free) over {@link OpenParameters}' unit cube,
 * started from fleetsim's default parameters, so that every fit (a full one and each fold of a
 * cross-validation) starts from the same place and sees only its own points; at most
 * {@link #MAX_EVALUATIONS} evaluations, keeping the best point seen. It is deterministic.
 */
public final class EndToEndFitter {

    /** Most objective evaluations (each simulates every point) a fit may use. */
    public static final int MAX_EVALUATIONS = 120;
    /** Objective contribution of a point whose simulation failed. */
    private static final double FAILED = 100;

    private EndToEndFitter() {
    }

    /** The best parameters for {@code points}, rounded as a profile states them. */
    public static EngineParameters fit(List<SimulatedPoint> points, ParallelSimulator simulator) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to fit");
        }
        int n = OpenParameters.COUNT;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(upper, 1);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.15, 2e-3);
        // The best point seen, kept here because BOBYQA reports nothing when it runs out of evaluations.
        double[] best = OpenParameters.unit(EngineParameters.DEFAULT);
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            double v = objective(points, OpenParameters.parameters(u), simulator);
            if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(u, 0, best, 0, n);
            }
            return v;
        });
        try {
            PointValuePair result = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), f, GoalType.MINIMIZE,
                    new InitialGuess(OpenParameters.unit(EngineParameters.DEFAULT)), new SimpleBounds(lower, upper));
            if (result.getValue() <= bestValue[0]) {
                return OpenParameters.parameters(result.getPoint());
            }
        } catch (TooManyEvaluationsException e) {
            // Settle for the best point seen.
        }
        return OpenParameters.parameters(best);
    }

    /** The objective of {@code points} at {@code parameters}. */
    static double objective(List<SimulatedPoint> points, EngineParameters parameters, ParallelSimulator simulator) {
        List<SimulatedLatency> simulated = simulator.simulate(points, parameters, ClosedLoopBenchmark.Length.FIT);
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            MeasuredPoint m = points.get(i).point();
            SimulatedLatency s = simulated.get(i);
            double ttft = Math.log(s.meanTtftSeconds() * 1e3 / m.measuredTtftMs());
            double tpot = Math.log(s.meanTpotSeconds() * 1e3 / m.measuredTpotMs());
            sum += Double.isFinite(ttft) ? ttft * ttft : FAILED;
            if (m.outputTokens() > 1) {
                sum += Double.isFinite(tpot) ? tpot * tpot : FAILED;
            }
        }
        return sum;
    }
}
