package io.fleetsim.report;

import io.fleetsim.run.RunResult;
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
 * @param report       the run on the common seed (replication 0)
 * @param replications the figures of every replication, replication 0 first, on the seeds of
 *                     {@link io.fleetsim.sweep.ReplicationSeeds}
 */
public record Strategy(String name, String file, RunReport report, PointSummary replications) {

    /** A strategy run once, on the common seed. */
    public Strategy(String name, String file, RunReport report) {
        this(name, file, report, List.of());
    }

    /**
     * A strategy run on the common seed and, after it, on {@code more} further replications'
     * seeds (their figures, replication 1 first).
     */
    public Strategy(String name, String file, RunReport report, List<PointMetrics> more) {
        this(name, file, report, summary(report.result(), more));
    }

    private static PointSummary summary(RunResult first, List<PointMetrics> more) {
        Configuration asWritten = new Configuration(List.of());
        List<PointResult> results = new ArrayList<>();
        results.add(new PointResult(new PointKey(asWritten.key(), 0, first.seed(), ""), List.of(),
                PointMetrics.of(first)));
        for (int i = 0; i < more.size(); i++) {
            results.add(new PointResult(new PointKey(asWritten.key(), i + 1, 0, ""), List.of(), more.get(i)));
        }
        return new PointSummary(asWritten, results, Verdict.MET, List.of());
    }

    /** What the run on the common seed measured. */
    public RunResult result() {
        return report.result();
    }

    /** Number of replications, at least 1. */
    public int n() {
        return replications.n();
    }

    /** Mean of {@code metric} over the replications with its 95% interval (no interval for one). */
    public Estimate estimate(Metric metric) {
        return replications.estimate(metric);
    }
}
