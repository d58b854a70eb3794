package io.fleetsim.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Simulates every measured point as it was measured and pairs the prediction with the
 * measurement; a point that cannot be expressed is kept with the reason. Simulations run on
 * {@code threads} threads; each is a pure function of its deployment and lengths, and results are
 * gathered in the points' order, so the outcome does not depend on the number of threads. Points
 * that are the same simulation (repeated measurements of one configuration) are simulated once.
 */
public final class ModelValidation {

    private ModelValidation() {
    }

    /** One simulation: of a {@link DeploymentPlan} or a {@link DisaggregatedPlan}. */
    private record Simulation(Object plan, int promptTokens, int outputTokens) {

        SimulatedLatency run() {
            return plan instanceof DisaggregatedPlan d
                    ? DisaggregatedSimulation.simulate(d, promptTokens, outputTokens)
                    : DeploymentSimulation.simulate((DeploymentPlan) plan, promptTokens, outputTokens);
        }
    }

    /** The plan to simulate and where its parameters come from, or null for a skipped point. */
    private static Object planOf(PointPlan plan) {
        if (plan instanceof PointPlan.Simulate s) {
            return s.plan();
        }
        return plan instanceof PointPlan.SimulateDisaggregated d ? d.plan() : null;
    }

    private static String parametersFrom(PointPlan plan) {
        return plan instanceof PointPlan.Simulate s ? s.parametersFrom()
                : ((PointPlan.SimulateDisaggregated) plan).parametersFrom();
    }

    /**
     * The outcome of every point, in the points' order.
     *
     * @param progress told the number of simulations finished, from any thread (may ignore it)
     */
    public static List<PointOutcome> run(List<MeasuredPoint> points, DeploymentPlanner planner, int threads,
                                         IntConsumer progress) {
        List<PointPlan> plans = planner.planAll(points, threads);
        Map<Simulation, Integer> unique = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            MeasuredPoint p = points.get(i);
            PointPlan plan = plans.get(i);
            if (planOf(plan) != null) {
                unique.putIfAbsent(new Simulation(planOf(plan), p.promptTokens(), p.outputTokens()), unique.size());
            }
        }
        List<Simulation> simulations = new ArrayList<>(unique.keySet());
        List<Object> results = simulateAll(simulations, threads, progress);
        List<PointOutcome> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            MeasuredPoint p = points.get(i);
            PointPlan plan = plans.get(i);
            if (planOf(plan) != null) {
                Object r = results.get(unique.get(new Simulation(planOf(plan), p.promptTokens(), p.outputTokens())));
                out.add(r instanceof SimulatedLatency l ? PointOutcome.predicted(p, l, parametersFrom(plan))
                        : PointOutcome.skipped(p, "simulation failed: " + r));
            } else {
                out.add(PointOutcome.skipped(p, ((PointPlan.Skip) plans.get(i)).reason()));
            }
        }
        return out;
    }

    /** Each simulation's latency, or the message of the error that stopped it. */
    private static List<Object> simulateAll(List<Simulation> simulations, int threads, IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "validate-model");
            t.setDaemon(true);
            return t;
        });
        try {
            int[] done = {0};
            List<Future<Object>> futures = new ArrayList<>(simulations.size());
            for (Simulation s : simulations) {
                futures.add(pool.submit(() -> {
                    Object r;
                    try {
                        r = s.run();
                    } catch (IllegalStateException | IllegalArgumentException e) {
                        r = e.getMessage();
                    }
                    synchronized (done) {
                        progress.accept(++done[0]);
                    }
                    return r;
                }));
            }
            List<Object> out = new ArrayList<>(futures.size());
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
