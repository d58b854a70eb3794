package io.fleetsim.report.sweep;

import io.fleetsim.report.Table;
import io.fleetsim.report.TextTableRenderer;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.SweepResult;
import io.fleetsim.sweep.SweepSpec;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text report of a sweep: what was swept, the table of configurations and the Pareto front.
 * Depends on nothing but the results, so a resumed sweep prints the same text.
 */
public final class SweepText {

    private SweepText() {
    }

    /** The report of {@code result}, each line ending in a newline. */
    public static String render(SweepResult result) {
        SweepSpec spec = result.spec();
        StringBuilder out = new StringBuilder();
        out.append("Sweep of ").append(spec.scenario().displayName()).append(": ")
                .append(result.points().size()).append(" configuration").append(result.points().size() == 1 ? "" : "s")
                .append(" x ").append(result.points().isEmpty() ? 0 : result.points().get(0).n())
                .append(" replications,\nseeds from ").append(spec.seed()).append(" (the same for every configuration)\n");
        if (!spec.constraints().isEmpty()) {
            out.append("Constraints: ").append(spec.constraints().stream().map(Constraint::toString)
                    .collect(Collectors.joining(", "))).append(" (met: the whole 95% interval on the right side)\n");
        }
        out.append("Means with ").append(Math.round(Estimate.CONFIDENCE * 100))
                .append("% confidence half-widths (±, Student t).\n\n");
        out.append(TextTableRenderer.render(SweepTables.terminal(table(result), spec.grid().dimensions())));
        List<Integer> front = result.paretoFront();
        out.append("\nPareto front of total cost and SLO attainment (no other configuration costs less and\n"
                + "attains more):\n");
        for (int i : front) {
            out.append("  ").append(result.points().get(i).configuration().key()).append('\n');
        }
        return out.toString();
    }

    /** The full table of {@code result}, for CSV. */
    public static Table table(SweepResult result) {
        return SweepTables.points(result.points(), result.spec().grid().dimensions(),
                !result.spec().constraints().isEmpty(), new HashSet<>(result.paretoFront()));
    }
}
