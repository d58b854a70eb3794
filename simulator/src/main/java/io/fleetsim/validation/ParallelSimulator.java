package io.fleetsim.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Simulates many points at given step-time parameters on a fixed set of threads. Each simulation
 * is a pure function of its deployment, lengths and parameters, and results come back in the
 * points' order, so nothing depends on the number of threads. Points that are the same simulation
 * are simulated once. A simulation that fails gives NaN latencies.
 */
public final class ParallelSimulator implements AutoCloseable {

    private record Key(DeploymentPlan plan, int promptTokens, int outputTokens) {
    }

    private final ExecutorService pool;

    /** A simulator running {@code threads} simulations at once. */
    public ParallelSimulator(int threads) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "fleetsim-simulate");
            t.setDaemon(true);
            return t;
        });
    }

    /** The latencies of {@code points} with every deployment at {@code parameters}, in order. */
    public List<SimulatedLatency> simulate(List<SimulatedPoint> points, EngineParameters parameters,
                                           ClosedLoopBenchmark.Length length) {
        return simulateEach(points.stream().map(p -> new Key(p.plan().with(parameters), p.point().promptTokens(),
                p.point().outputTokens())).toList(),
                k -> DeploymentSimulation.simulate(k.plan(), k.promptTokens(), k.outputTokens(), length));
    }

    /** The latencies of disaggregated {@code points}, each simulated as its plan says, in order. */
    public List<SimulatedLatency> simulateDisaggregated(List<DisaggregatedPoint> points,
                                                        ClosedLoopBenchmark.Length length) {
        return simulateEach(points.stream().map(p -> new DisaggregatedKey(p.plan(), p.point().promptTokens(),
                p.point().outputTokens())).toList(),
                k -> DisaggregatedSimulation.simulate(k.plan(), k.promptTokens(), k.outputTokens(), length));
    }

    /** {@code simulation} of each key, equal keys simulated once, results in the keys' order. */
    private <K> List<SimulatedLatency> simulateEach(List<K> keys, Function<K, SimulatedLatency> simulation) {
        Map<K, Integer> unique = new LinkedHashMap<>();
        int[] index = new int[keys.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = unique.computeIfAbsent(keys.get(i), x -> unique.size());
        }
        List<Future<SimulatedLatency>> futures = new ArrayList<>(unique.size());
        for (K k : unique.keySet()) {
            futures.add(pool.submit(() -> {
                try {
                    return simulation.apply(k);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    return new SimulatedLatency(Double.NaN, Double.NaN, 0, 0);
                }
            }));
        }
        List<SimulatedLatency> results = new ArrayList<>(futures.size());
        try {
            for (Future<SimulatedLatency> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        List<SimulatedLatency> out = new ArrayList<>(index.length);
        for (int i : index) {
            out.add(results.get(i));
        }
        return out;
    }

    private record DisaggregatedKey(DisaggregatedPlan plan, int promptTokens, int outputTokens) {
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
