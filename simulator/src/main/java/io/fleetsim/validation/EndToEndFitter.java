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
 * shorter {@link ClosedLoopBenchmark.Length#FIT} runs) and contributes {@code h(ln(predicted TTFT /
 * measured)) + h(ln(predicted TPOT / measured))}, so that over- and under-prediction by the same
 * factor weigh the same, and TTFT and TPOT weigh the same. {@code h} is the pseudo-Huber loss with
 * a knee at {@value #KNEE}: quadratic for small errors, linear for large ones, so the fit aims at
 * the median error (what is reported) and a few deployments the model cannot express do not pull
 * every other one off.
 *
 * <p>The search is BOBYQA (bounded, derivative-free) over the unit cube of the points' step-time
 * model's {@link ParameterSpace}, started from fleetsim's default parameters, so that every fit (a full one and each fold of a
 * cross-validation) starts from the same place and sees only its own points; at most
 * {@link #MAX_EVALUATIONS} evaluations, keeping the best point seen. It is deterministic.
 */
public final class EndToEndFitter {

    /** Most objective evaluations (each simulates every point) a fit may use. */
    public static final int MAX_EVALUATIONS = 120;
    /** Log error where the loss turns from quadratic to linear. */
    static final double KNEE = 0.05;
    /** Objective contribution of a point whose simulation failed. */
    private static final double FAILED = 100;

    private EndToEndFitter() {
    }

    /** The best parameters for {@code points}, rounded as a profile states them. */
    public static EngineParameters fit(List<SimulatedPoint> points, ParameterSpace space,
                                       ParallelSimulator simulator) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to fit");
        }
        int n = space.count();
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(upper, 1);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.15, 2e-3);
        // The best point seen, kept here because BOBYQA reports nothing when it runs out of evaluations.
        double[] best = space.unit(space.start());
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            double v = objective(points, space.parameters(u), simulator);
            if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(u, 0, best, 0, n);
            }
            return v;
        });
        try {
            PointValuePair result = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), f, GoalType.MINIMIZE,
                    new InitialGuess(space.unit(space.start())), new SimpleBounds(lower, upper));
            if (result.getValue() <= bestValue[0]) {
                return space.parameters(result.getPoint());
            }
        } catch (TooManyEvaluationsException e) {
            // Settle for the best point seen.
        }
        return space.parameters(best);
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
            sum += Double.isFinite(ttft) ? loss(ttft) : FAILED;
            if (m.outputTokens() > 1) {
                sum += Double.isFinite(tpot) ? loss(tpot) : FAILED;
            }
        }
        return sum;
    }

    static double loss(double logError) {
        double r = logError / KNEE;
        return KNEE * KNEE * (Math.sqrt(1 + r * r) - 1);
    }
}
