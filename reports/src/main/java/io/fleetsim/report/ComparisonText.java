package io.fleetsim.report;

import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Strategy;
import io.fleetsim.input.DurationText;
import io.fleetsim.run.PoolResult;
import java.util.List;
import java.util.Locale;

/**
 * What {@code fleetsim compare} prints and writes to {@code compare.txt}: what was compared, the
 * two tables of {@link ComparisonTables}, and the verdict; at most 100 columns wide for a few pools.
 */
public final class ComparisonText {

    private ComparisonText() {
    }

    /** The text of {@code c}. */
    public static String render(Comparison c) {
        Strategy first = c.strategies().get(0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Comparing %d strategies, %s simulated each, %s, %s; "
                        + "SLO target %s%n", c.strategies().size(),
                DurationText.format(first.result().simulatedSeconds()), seeds(c),
                c.sameTraffic() ? "same traffic" : "DIFFERENT traffic (see notes)",
                ValueFormat.SHARE.display(c.sloTarget())));
        if (c.replicated()) {
            out.append(Wrapped.text("Means with 95% confidence half-widths (±, Student t) over the replications; "
                    + "replication i of every strategy sees the same requests. A strategy meets the target when its "
                    + "whole interval does (marginal: it straddles it). Other figures, the spend table and the "
                    + "strategies' report folders are replication 0's (seed " + first.result().seed() + ").", 100));
        }
        out.append('\n').append(TextTableRenderer.render(ComparisonTables.overview(c)));
        out.append('\n').append(TextTableRenderer.render(ComparisonTables.spend(c)));
        out.append("\nLatencies in ms, all routes. Spend in $; idle $: paid for replicas with nothing in service.\n");
        Table split = ComparisonTables.split(c);
        if (!split.rows().isEmpty()) {
            out.append('\n').append(TextTableRenderer.render(split));
            out.append(Wrapped.text("Disaggregated pools: deployments, prefill and decode workers per deployment, "
                    + "each side's utilization and the KV transfer time (prefill end to KV arrival, ms).", 100));
        }
        out.append('\n').append(stepTimeTrust(c));
        List<String> notes = ComparisonNotes.of(c);
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(w -> out.append(Wrapped.text("Note: " + w, 100)));
        }
        out.append('\n').append(Wrapped.text(VerdictText.of(c), 100));
        return out.toString();
    }

    /**
     * How far each strategy's LLM pools' latencies can be trusted: the fit of their step times and
     * the error of their end-to-end profile on deployments left out of its fit, so that a verdict
     * between strategies is read against it.
     */
    static String stepTimeTrust(Comparison c) {
        StringBuilder out = new StringBuilder("Step times (how far the latencies above can be trusted):\n");
        for (Strategy s : c.strategies()) {
            for (PoolResult p : s.result().pools()) {
                if (p.stepTimes() == null) {
                    continue;
                }
                out.append(Wrapped.text(s.name() + " / " + p.name() + " (" + p.stepTimes().fit().id() + "): "
                        + String.join("; ", EndToEndBand.describe(p.endToEnd())), 100));
            }
        }
        return out.toString();
    }

    /** {@code seed S}, or {@code N replications, seeds from S} when replicated. */
    static String seeds(Comparison c) {
        long seed = c.strategies().get(0).result().seed();
        return c.replicated() ? c.replications() + " replications, seeds from " + seed : "seed " + seed;
    }
}
