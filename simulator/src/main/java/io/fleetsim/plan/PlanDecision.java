package io.fleetsim.plan;

import io.fleetsim.sweep.Metric;
import java.util.List;

/**
 * The answer at one monthly volume: the cheapest strategy meeting the constraints, the next one
 * and by how much it is dearer.
 *
 * @param volume   tokens per month
 * @param ratePerS arrival rate carrying it
 * @param rows     every strategy at this volume, in strategy order
 * @param winner   the cheapest meeting the constraints, or null when none does
 * @param runnerUp the next cheapest meeting them with another fleet (not the same pools at the same
 *                 sizes under another name), or null
 */
public record PlanDecision(double volume, double ratePerS, List<PlanRow> rows, PlanRow winner, PlanRow runnerUp) {

    public PlanDecision {
        rows = List.copyOf(rows);
    }

    /** The decision over {@code rows} (one volume): cheapest mean cost per useful token among those meeting. */
    static PlanDecision of(double volume, double ratePerS, List<PlanRow> rows) {
        List<PlanRow> meeting = rows.stream().filter(PlanRow::meets)
                .sorted((a, b) -> Double.compare(a.costPerUsefulMtok().mean(), b.costPerUsefulMtok().mean())).toList();
        PlanRow winner = meeting.isEmpty() ? null : meeting.get(0);
        // the runner-up is another fleet: reserved+spot+api sized with no reserved replica is spot+api
        PlanRow runnerUp = meeting.stream().filter(r -> r != winner && !sameFleet(r, winner)).findFirst().orElse(null);
        return new PlanDecision(volume, ratePerS, rows, winner, runnerUp);
    }

    /** True when both rows' best sizings run the same pools at the same sizes. */
    private static boolean sameFleet(PlanRow a, PlanRow b) {
        return a.costPerUsefulMtok().mean() == b.costPerUsefulMtok().mean()
                && a.best().estimate(Metric.TOTAL_COST_USD).mean() == b.best().estimate(Metric.TOTAL_COST_USD).mean();
    }

    /** How much dearer the runner-up is per useful 1M tokens (NaN without one). */
    public double margin() {
        return winner == null || runnerUp == null ? Double.NaN
                : runnerUp.costPerUsefulMtok().mean() - winner.costPerUsefulMtok().mean();
    }

    /** The row of {@code strategy}, or null. */
    public PlanRow row(PlanStrategy strategy) {
        return rows.stream().filter(r -> r.strategy() == strategy).findFirst().orElse(null);
    }
}
