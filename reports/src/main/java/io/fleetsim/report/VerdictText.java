package io.fleetsim.report;

import io.fleetsim.compare.Basis;
import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Decision;
import io.fleetsim.compare.Lead;
import io.fleetsim.compare.Separation;
import io.fleetsim.compare.Strategy;
import io.fleetsim.sweep.Metric;
import java.util.List;
import java.util.Locale;

/**
 * A comparison's {@link Decision} in words: the winner with its unit cost, or that none meets the
 * target and which comes closest; with replications, intervals, the paired leads and the marginal
 * strategies.
 */
public final class VerdictText {

    private VerdictText() {
    }

    /** The verdict of {@code c} as one paragraph. */
    public static String of(Comparison c) {
        Decision d = c.decision();
        return d.basis() == Basis.REPLICATIONS ? replicated(c, d) : singleRun(c, d);
    }

    private static String singleRun(Comparison c, Decision d) {
        String target = ValueFormat.SHARE.display(c.sloTarget());
        if (d.winner().isPresent()) {
            Strategy s = d.winner().get();
            return String.format(Locale.ROOT,
                    "Cheapest strategy meeting the SLO target (%s): %s, at $%s per useful 1M tokens "
                            + "($%s in total, SLO attainment %s).", target, s.name(),
                    ValueFormat.USD_PER_MTOK.display(s.result().costPerUsefulMtokUsd()),
                    ValueFormat.USD.display(s.result().costUsd()),
                    ValueFormat.SHARE.display(s.result().sloAttainment()));
        }
        return "No strategy meets the SLO target (" + target + ")"
                + d.named().map(s -> "; the closest is " + s.name() + " at "
                + ValueFormat.SHARE.display(s.result().sloAttainment())).orElse("") + ".";
    }

    private static String replicated(Comparison c, Decision d) {
        String target = ValueFormat.SHARE.display(c.sloTarget());
        StringBuilder out = new StringBuilder();
        if (d.winner().isPresent()) {
            Strategy s = d.winner().get();
            out.append(String.format(Locale.ROOT, "Cheapest strategy meeting the SLO target (%s) with 95%% "
                            + "confidence over %d replications on common seeds: %s, at $%s per useful 1M tokens "
                            + "(SLO attainment %s).", target, c.replications(), s.name(),
                    EstimateText.of(s.estimate(Metric.COST_PER_USEFUL_MTOK), ValueFormat.USD_PER_MTOK),
                    EstimateText.of(s.estimate(Metric.SLO_ATTAINMENT), ValueFormat.SHARE)));
            List<String> against = d.leads().stream().map(VerdictText::lead).toList();
            if (!against.isEmpty()) {
                out.append(" Against it: ").append(String.join("; ", against)).append('.');
            }
        } else {
            out.append("No strategy meets the SLO target (").append(target).append(") with 95% confidence over ")
                    .append(c.replications()).append(" replications")
                    .append(d.named().map(s -> "; the closest is " + s.name() + " at "
                            + EstimateText.of(s.estimate(Metric.SLO_ATTAINMENT), ValueFormat.SHARE)).orElse(""))
                    .append('.');
        }
        if (!d.marginal().isEmpty()) {
            out.append(" Marginal (the SLO attainment interval straddles the target; more replications may "
                    + "decide): ").append(String.join(", ", d.marginal().stream().map(Strategy::name).toList()))
                    .append('.');
        }
        return out.toString();
    }

    private static String lead(Lead l) {
        return String.format(Locale.ROOT, "%s costs $%s more per useful 1M (paired)%s", l.other().name(),
                EstimateText.of(l.extraCost(), ValueFormat.USD_PER_MTOK),
                l.separation() == Separation.TOLD_APART ? "" : ", not told apart at 95%");
    }
}
