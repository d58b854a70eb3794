package io.fleetsim.compare;

import io.fleetsim.run.RunResult;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.sweep.Configuration;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.PointKey;
import io.fleetsim.sweep.PointMetrics;
import io.fleetsim.sweep.PointResult;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the variants compared by {@code fleetsim compare}: a scenario file, its run on the
 * common seed, and the figures of every replication (the run itself is replication 0).
 *
 * @param name         short name shown in tables and used as its report folder (the file name without extension)
 * @param file         the scenario file as given on the command line
 * @param scenario     the scenario as run on the common seed (after any seed or horizon override)
 * @param result       the run on the common seed (replication 0)
 * @param replications the figures of every replication, replication 0 first, on the seeds of
 *                     {@link io.fleetsim.sweep.ReplicationSeeds}; what the decision is made on
 */
public record Strategy(String name, String file, ScenarioSpec scenario, RunResult result,
                       PointSummary replications) {

    /** A strategy run once, on the common seed. */
    public Strategy(String name, String file, ScenarioSpec scenario, RunResult result) {
        this(name, file, scenario, result, List.of());
    }

    /**
     * A strategy run on the common seed and, after it, on {@code more} further replications'
     * seeds (their figures, replication 1 first).
     */
    public Strategy(String name, String file, ScenarioSpec scenario, RunResult result, List<PointMetrics> more) {
        this(name, file, scenario, result, summary(PointMetrics.of(result), result.seed(), more));
    }

    /** The replications of a strategy: {@code first} on {@code seed}, then {@code more}. */
    static PointSummary summary(PointMetrics first, long seed, List<PointMetrics> more) {
        Configuration asWritten = new Configuration(List.of());
        List<PointResult> results = new ArrayList<>();
        results.add(new PointResult(new PointKey(asWritten.key(), 0, seed, ""), List.of(), first));
        for (int i = 0; i < more.size(); i++) {
            results.add(new PointResult(new PointKey(asWritten.key(), i + 1, 0, ""), List.of(), more.get(i)));
        }
        return new PointSummary(asWritten, results, Verdict.MET, List.of());
    }

    /** Number of replications, at least 1. */
    public int n() {
        return replications.n();
    }

    /** Mean of {@code metric} over the replications with its 95% interval (no interval for one). */
    public Estimate estimate(Metric metric) {
        return replications.estimate(metric);
    }

    /** The traffic the run on the common seed saw. */
    public TrafficSummary traffic() {
        return TrafficSummary.of(result);
    }
}
