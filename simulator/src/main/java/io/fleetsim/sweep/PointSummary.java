package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration over its replications: every metric as mean and 95% confidence interval,
 * spend by pool, and the verdict against the constraints.
 *
 * @param configuration the configuration
 * @param replications  its results, by replication number
 * @param verdict       against the constraints ({@link Verdict#MET} when there are none)
 * @param constraintVerdicts one verdict per constraint, in the constraints' order
 */
public record PointSummary(Configuration configuration, List<PointResult> replications, Verdict verdict,
                           List<Verdict> constraintVerdicts) {

    public PointSummary {
        replications = replications.stream().sorted(Comparator.comparingInt(r -> r.key().replication())).toList();
        constraintVerdicts = List.copyOf(constraintVerdicts);
    }

    /** The summary of {@code results} (one configuration's replications) against {@code constraints}. */
    public static PointSummary of(Configuration configuration, List<PointResult> results, List<Constraint> constraints) {
        PointSummary unjudged = new PointSummary(configuration, results, Verdict.MET, List.of());
        List<Verdict> verdicts = new ArrayList<>();
        for (Constraint c : constraints) {
            verdicts.add(c.judge(unjudged.estimate(c.metric())));
        }
        return new PointSummary(configuration, results, Verdict.combine(verdicts), verdicts);
    }

    /** Number of replications. */
    public int n() {
        return replications.size();
    }

    /** The values of {@code metric}, by replication. */
    public double[] values(Metric metric) {
        return replications.stream().mapToDouble(r -> metric.of(r.metrics())).toArray();
    }

    /** Mean and confidence interval of {@code metric}. */
    public Estimate estimate(Metric metric) {
        return Estimate.of(values(metric));
    }

    /** Every metric's estimate. */
    public Map<Metric, Estimate> estimates() {
        Map<Metric, Estimate> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            out.put(m, estimate(m));
        }
        return out;
    }

    /** Spend by pool, in scenario order (empty before any replication). */
    public List<PoolEstimate> pools() {
        if (replications.isEmpty()) {
            return List.of();
        }
        List<PoolEstimate> out = new ArrayList<>();
        List<PoolSpend> first = replications.get(0).metrics().pools();
        for (int p = 0; p < first.size(); p++) {
            int index = p;
            List<SplitFigures> split = replications.stream().map(r -> r.metrics().pools().get(index).split())
                    .filter(Objects::nonNull).toList();
            out.add(new PoolEstimate(first.get(p).name(), first.get(p).kind(),
                    Estimate.of(replications.stream().mapToDouble(r -> r.metrics().pools().get(index).costUsd()).toArray()),
                    Estimate.of(replications.stream().mapToDouble(r -> r.metrics().pools().get(index).gpuHours()).toArray()),
                    split.size() == replications.size() ? SplitEstimate.of(split) : null));
        }
        return out;
    }
}
