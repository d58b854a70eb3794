package io.fleetsim.sweep;

import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a configuration must at least score on a cost objective, before it is simulated: the
 * least it can cost is what its reserved fixed pools cost, each replica paid the whole horizon
 * (other pools cost zero or more), and the most useful tokens it can deliver are the tokens of
 * every request that arrives, the same for every fleet on the same traffic. A configuration whose
 * floor is no better than a configuration that already meets the constraints cannot be the
 * answer, whatever traffic it spills to spot or to an API, so the optimizer need not simulate it.
 *
 * <p>A pool's price per replica is read from a simulated configuration with the same settings
 * outside the capacity axes (same GPU, price, horizon and traffic) that ran at least one replica
 * of it; until one has, the pool counts as free, which only lowers the floor.
 */
final class CostFloor {

    /** The floor is lowered by this share, for replications the configurations compared did not both run. */
    private static final double MARGIN = 0.01;

    private final Metric objective;
    private final CapacityAxes capacity;
    private final ScenarioVariant variant;
    private final Map<Configuration, Map<String, String>> poolNames = new HashMap<>();
    private final Map<Configuration, ScenarioSpec> structures = new HashMap<>();

    CostFloor(Metric objective, CapacityAxes capacity, ScenarioVariant variant) {
        this.objective = objective;
        this.capacity = capacity;
        this.variant = variant;
    }

    /** True when floors can be computed for {@code metric}: total cost and cost per useful token. */
    static boolean applies(Metric metric) {
        return metric == Metric.TOTAL_COST_USD || metric == Metric.COST_PER_USEFUL_MTOK;
    }

    /**
     * True when {@code c} cannot score better than {@code best} (a configuration meeting the
     * constraints), judged from what {@code evaluated} tells of prices and traffic.
     */
    boolean cannotBeat(Configuration c, PointSummary best, Map<Configuration, PointSummary> evaluated) {
        double floor = floor(c, evaluated);
        return !Double.isNaN(floor) && floor > 0 && floor >= best.estimate(objective).mean();
    }

    /** The least {@code c} can score, or NaN when nothing is known yet. */
    double floor(Configuration c, Map<Configuration, PointSummary> evaluated) {
        Configuration rest = capacity.rest(c);
        ScenarioSpec structure = structures.computeIfAbsent(rest, r -> variant.bind(c.settings()));
        Map<String, String> names = poolNames.computeIfAbsent(rest, r -> namesOf(c));
        double usd = 0;
        double mostTokens = 0;
        for (Map.Entry<String, String> axis : names.entrySet()) {
            PoolSpec pool = pool(structure, axis.getValue());
            long replicas = CapacityAxes.count(c, axis.getKey());
            if (pool == null || replicas == 0 || !BisectionRule.costsPerReplica(pool)) {
                continue;
            }
            double perReplica = perReplica(rest, axis.getKey(), axis.getValue(), evaluated);
            if (!Double.isNaN(perReplica)) {
                usd += replicas * perReplica;
            }
        }
        for (PointSummary p : evaluated.values()) {
            if (capacity.rest(p.configuration()).equals(rest)) {
                for (PointResult r : p.replications()) {
                    mostTokens = Math.max(mostTokens, r.metrics().arrivedTokens());
                }
            }
        }
        double floor = objective == Metric.TOTAL_COST_USD ? usd : mostTokens > 0 ? usd / (mostTokens / 1e6) : Double.NaN;
        return floor * (1 - MARGIN);
    }

    private double perReplica(Configuration rest, String path, String poolName, Map<Configuration, PointSummary> evaluated) {
        for (PointSummary p : evaluated.values()) {
            long n = CapacityAxes.count(p.configuration(), path);
            if (n > 0 && capacity.rest(p.configuration()).equals(rest)) {
                for (PoolEstimate pool : p.pools()) {
                    if (pool.name().equals(poolName)) {
                        return pool.costUsd().mean() / n;
                    }
                }
            }
        }
        return Double.NaN;
    }

    private Map<String, String> namesOf(Configuration c) {
        Map<String, String> out = new HashMap<>();
        var tree = variant.tree(c.settings());
        for (String path : capacity.paths()) {
            out.put(path, FieldPath.parse(path).poolName(tree));
        }
        return out;
    }

    private static PoolSpec pool(ScenarioSpec scenario, String name) {
        List<PoolSpec> pools = scenario.pools();
        for (PoolSpec p : pools) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
