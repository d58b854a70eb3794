package io.fleetsim.report.sweep;

import io.fleetsim.report.EstimateText;
import io.fleetsim.report.TextTableRenderer;
import io.fleetsim.report.ValueFormat;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.OptimizeResult;
import io.fleetsim.sweep.PointSummary;
import io.fleetsim.sweep.PoolEstimate;
import io.fleetsim.sweep.SearchStats;
import io.fleetsim.sweep.SensitivityRow;
import io.fleetsim.sweep.SplitEstimate;
import io.fleetsim.sweep.SweepSpec;
import io.fleetsim.sweep.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text report of an optimization: the search, the best configuration with the confidence
 * of each constraint, the runner-ups with their paired difference to the best, the best fleet's
 * sensitivity, and every configuration simulated.
 */
public final class OptimizeText {

    private OptimizeText() {
    }

    /**
     * The report; {@code sensitivity} may be empty (not run).
     */
    public static String render(OptimizeResult result, List<SensitivityRow> sensitivity) {
        SweepSpec spec = result.spec();
        Metric objective = result.objective();
        SearchStats stats = result.stats();
        StringBuilder out = new StringBuilder();
        out.append("Optimize ").append(spec.scenario().displayName()).append(": ")
                .append(objective.higherIsBetter() ? "highest " : "lowest ").append(objective.id());
        out.append(spec.constraints().isEmpty() ? "" : " subject to " + spec.constraints().stream()
                .map(Constraint::toString).collect(Collectors.joining(", "))).append('\n');
        out.append(String.format(Locale.ROOT, "Search: %s.%n  %d of %d configurations simulated, %d pruned by "
                        + "the cost floor, %d left out by bisection;%n  %d simulations in %d rounds, seeds from %d "
                        + "(the same for every configuration).%n", stats.method(), stats.evaluated(),
                stats.configurations(), stats.inferred(), stats.configurations() - stats.evaluated() - stats.inferred(),
                stats.simulations(), stats.rounds(), spec.seed()));
        out.append("Means with 95% confidence half-widths (±, Student t); a constraint is met when its\n"
                + "whole interval is on the right side.\n\n");
        PointSummary best = result.best();
        if (best == null) {
            out.append("No configuration simulated meets the constraints, even marginally: widen the --vary ranges.\n");
        } else {
            best(out, best, spec, objective);
        }
        if (best != null && !result.runnerUps().isEmpty()) {
            out.append("\nRunner-ups (vs best: the paired difference over common seeds):\n");
            out.append(TextTableRenderer.render(SweepTables.runnerUps(result.runnerUps(), best, objective,
                    spec.grid().dimensions())));
        }
        if (best != null && !sensitivity.isEmpty()) {
            out.append("\nSensitivity of the best fleet, ").append(best.n())
                    .append(" replications on the same seeds each\n(change: the paired difference from as chosen):\n");
            List<SensitivityRow> applicable = sensitivity.stream().filter(r -> r.perturbation().applies()).toList();
            out.append(TextTableRenderer.render(SensitivityTable.terminal(SensitivityTable.of(best, applicable))));
            for (SensitivityRow r : sensitivity) {
                if (!r.perturbation().applies()) {
                    out.append("  ").append(r.perturbation().name()).append(": not applicable, ")
                            .append(r.perturbation().notApplicable()).append('\n');
                }
            }
        }
        out.append("\nConfigurations simulated:\n");
        out.append(TextTableRenderer.render(SweepTables.terminal(SweepTables.points(result.evaluated(),
                spec.grid().dimensions(), true, null), spec.grid().dimensions())));
        return out.toString();
    }

    private static void best(StringBuilder out, PointSummary best, SweepSpec spec, Metric objective) {
        out.append("Best: ").append(best.configuration().key()).append('\n');
        out.append(best.verdict() == Verdict.MET ? "  meets the constraints with 95% confidence\n"
                : "  MARGINAL: no configuration meets the constraints with 95% confidence; this one's interval\n"
                        + "  still straddles a threshold after " + best.n() + " replications\n");
        line(out, objective.id() + " (objective)", best.estimate(objective), SweepTables.format(objective), "");
        for (int i = 0; i < spec.constraints().size(); i++) {
            Constraint c = spec.constraints().get(i);
            Estimate e = best.estimate(c.metric());
            line(out, c.metric().id(), e, SweepTables.format(c.metric()), "  " + best.constraintVerdicts().get(i).id()
                    + String.format(Locale.ROOT, " (%s to %s)", SweepTables.format(c.metric()).display(e.lower()),
                    SweepTables.format(c.metric()).display(e.upper())));
        }
        for (Metric m : List.of(Metric.COST_PER_USEFUL_MTOK, Metric.SLO_ATTAINMENT, Metric.TTFT_P99_MS,
                Metric.TPOT_P99_MS, Metric.TOTAL_COST_USD)) {
            boolean shown = m == objective || spec.constraints().stream().anyMatch(c -> c.metric() == m);
            if (!shown) {
                line(out, m.id(), best.estimate(m), SweepTables.format(m), "");
            }
        }
        for (PoolEstimate p : best.pools()) {
            line(out, "pool " + p.name() + " (" + p.kind() + ") $", p.costUsd(), ValueFormat.USD, "");
            split(out, p);
        }
        out.append("  replications ").append(best.n()).append('\n');
    }

    /** A disaggregated pool's sides: the split, each side's utilization and the KV transfer time. */
    private static void split(StringBuilder out, PoolEstimate p) {
        SplitEstimate x = p.split();
        if (x == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "  %-28s %d x %dP%dD (deployments x prefill/decode workers)%n",
                "pool " + p.name() + " split", x.deployments(), x.prefillWorkers(), x.decodeWorkers()));
        line(out, "  prefill utilization", x.prefillUtilization(), ValueFormat.SHARE, "");
        line(out, "  decode utilization", x.decodeUtilization(), ValueFormat.SHARE, "");
        line(out, "  prefill batch occupancy", x.prefillOccupancy(), ValueFormat.SHARE, "");
        line(out, "  decode batch occupancy", x.decodeOccupancy(), ValueFormat.SHARE, "");
        line(out, "  kv transfer p50 ms", x.kvTransferP50Ms(), ValueFormat.FINE_MILLIS, "");
        line(out, "  kv transfer p90 ms", x.kvTransferP90Ms(), ValueFormat.FINE_MILLIS, "");
    }

    private static void line(StringBuilder out, String name, Estimate e, ValueFormat format, String note) {
        out.append(String.format(Locale.ROOT, "  %-28s %s%s%n", name, EstimateText.of(e, format), note));
    }
}
