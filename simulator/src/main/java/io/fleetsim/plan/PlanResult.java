package io.fleetsim.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code plan} found: the decision at each volume, and where self-hosting and the API cross.
 *
 * @param spec              what was asked
 * @param tokensPerSecondAtScenarioRate offered tokens per second of the reshaped scenario at its own rate
 * @param strategies        the strategies compared
 * @param notes             strategies left out and why
 * @param decisions         one per volume, ascending
 */
public record PlanResult(PlanSpec spec, double tokensPerSecondAtScenarioRate, List<PlanStrategy> strategies,
                         List<String> notes, List<PlanDecision> decisions) {

    public PlanResult {
        strategies = List.copyOf(strategies);
        notes = List.copyOf(notes);
        decisions = List.copyOf(decisions);
    }

    /**
     * A volume where the cheapest self-hosted strategy and the all-API one cost the same per
     * useful token, interpolated in log volume between two volumes where both meet the
     * constraints and their order swaps.
     *
     * @param volume    tokens per month
     * @param selfHostedBelow true when self-hosting is the cheaper below this volume
     */
    public record Crossover(double volume, boolean selfHostedBelow) {
    }

    /** The break-even volumes against the API (empty when the order never swaps, or there is no API). */
    public List<Crossover> breakEven() {
        List<Crossover> out = new ArrayList<>();
        double lastVolume = Double.NaN;
        double lastDiff = Double.NaN;
        for (PlanDecision d : decisions) {
            double diff = selfHostedMinusApi(d);
            if (!Double.isNaN(diff) && !Double.isNaN(lastDiff) && Math.signum(diff) != Math.signum(lastDiff)
                    && diff != 0) {
                double t = lastDiff / (lastDiff - diff);
                double v = Math.exp(Math.log(lastVolume) + t * (Math.log(d.volume()) - Math.log(lastVolume)));
                out.add(new Crossover(v, lastDiff < 0));
            }
            if (!Double.isNaN(diff)) {
                lastVolume = d.volume();
                lastDiff = diff;
            }
        }
        return out;
    }

    /**
     * Cheapest cost per useful 1M tokens of a fleet running GPU replicas minus the all-API one at
     * {@code d}, NaN when either is missing.
     */
    private static double selfHostedMinusApi(PlanDecision d) {
        PlanRow api = d.row(PlanStrategy.API_ONLY);
        if (api == null || !api.meets()) {
            return Double.NaN;
        }
        double best = Double.NaN;
        for (PlanRow r : d.rows()) {
            if (r.selfHosted() && r.meets()
                    && (Double.isNaN(best) || r.costPerUsefulMtok().mean() < best)) {
                best = r.costPerUsefulMtok().mean();
            }
        }
        return Double.isNaN(best) ? Double.NaN : best - api.costPerUsefulMtok().mean();
    }
}
