package io.fleetsim.report.plan;

import io.fleetsim.plan.MonthlyVolumes;
import io.fleetsim.plan.PlanDecision;
import io.fleetsim.plan.PlanResult;
import io.fleetsim.plan.PlanRow;
import io.fleetsim.report.TextTableRenderer;
import io.fleetsim.sweep.Constraint;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code plan} prints: the decision table, break-even volumes and notes. */
public final class PlanText {

    private PlanText() {
    }

    /** The text of {@code plan}. */
    public static String render(PlanResult plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan ").append(plan.spec().scenario().displayName()).append(": the cheapest strategy per useful token")
                .append(" meeting ").append(plan.spec().constraints().stream().map(Constraint::toString)
                        .collect(Collectors.joining(", "))).append(", by monthly volume\n");
        out.append(String.format(Locale.ROOT, "Traffic %s; at the scenario's own rate it offers %,.0f tokens/s "
                        + "(%s tokens a month); each volume scales that rate.%n", plan.spec().shape().id(),
                plan.tokensPerSecondAtScenarioRate(),
                MonthlyVolumes.label(plan.tokensPerSecondAtScenarioRate() * MonthlyVolumes.MONTH_SECONDS)));
        out.append("Each strategy sized by optimize; costs are means over replications, ± the 95% half-width;\n"
                + "\"missed\": its best sizing does not meet the constraints; \"+\": the best sizing is the\n"
                + "largest searched. occupancy: the winner's batch slots in use (GPU pools).\n\n");
        out.append(TextTableRenderer.render(PlanTables.decisions(plan)));
        out.append('\n');
        if (plan.breakEven().isEmpty()) {
            out.append("Break-even against the API: none in this range (self-hosting and the API never swap order).\n");
        } else {
            for (PlanResult.Crossover c : plan.breakEven()) {
                out.append("Break-even against the API: about ").append(MonthlyVolumes.label(c.volume()))
                        .append(" tokens a month; ").append(c.selfHostedBelow() ? "self-hosting" : "the API")
                        .append(" is cheaper below it.\n");
            }
        }
        for (PlanDecision d : plan.decisions()) {
            if (d.winner() != null) {
                out.append("  ").append(MonthlyVolumes.label(d.volume())).append(": ").append(d.winner().strategy().id())
                        .append(" with ").append(d.winner().sizing()).append('\n');
            }
        }
        for (String note : plan.notes()) {
            out.append("Note: ").append(note).append('\n');
        }
        for (PlanDecision d : plan.decisions()) {
            for (PlanRow r : d.rows()) {
                if (r.skipped() != null) {
                    out.append("Note: ").append(MonthlyVolumes.label(d.volume())).append(' ').append(r.strategy().id())
                            .append(": ").append(r.skipped()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
