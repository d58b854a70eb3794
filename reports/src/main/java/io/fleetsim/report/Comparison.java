package io.fleetsim.report;

import io.fleetsim.run.PoolResult;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strategies run on the same traffic, judged against one SLO attainment target: the cheapest per
 * useful token among those that meet the target wins. With several replications (replication i
 * of every strategy on the same seed), a strategy meets the target when the whole 95% interval of
 * its SLO attainment does, and the winner's lead is the paired difference over the common seeds.
 *
 * @param sloTarget  SLO attainment a strategy must reach, 0..1
 * @param strategies the strategies, in command-line order, each with the same number of replications
 */
public record Comparison(double sloTarget, List<Strategy> strategies) {

    public Comparison {
        strategies = List.copyOf(strategies);
        if (strategies.stream().map(Strategy::n).distinct().count() > 1) {
            throw new IllegalArgumentException("every strategy needs the same number of replications");
        }
    }

    /** Replications of every strategy, at least 1. */
    public int replications() {
        return strategies.get(0).n();
    }

    /** True when the strategies ran more than once each, so that figures are means with intervals. */
    public boolean replicated() {
        return replications() > 1;
    }

    /** True when every strategy saw the first one's traffic (common random numbers held). */
    public boolean sameTraffic() {
        return TrafficDifference.traffic(strategies).isEmpty();
    }

    /** What makes the comparison less than like for like: traffic or SLO targets that differ. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>(TrafficDifference.traffic(strategies));
        if (!out.isEmpty()) {
            out.add(TrafficDifference.TRAFFIC_NOTE);
        }
        out.addAll(TrafficDifference.slos(strategies));
        return out;
    }

    /**
     * Where {@code s} stands against the target: from one run, met or missed; from replications,
     * judged on the 95% interval of its SLO attainment (marginal when the interval straddles it).
     */
    public Verdict verdict(Strategy s) {
        if (!replicated()) {
            double slo = s.result().sloAttainment();
            return Double.isFinite(slo) && slo >= sloTarget ? Verdict.MET : Verdict.MISSED;
        }
        return new Constraint(Metric.SLO_ATTAINMENT, true, sloTarget).judge(s.estimate(Metric.SLO_ATTAINMENT));
    }

    /** True when {@code s} reaches the SLO attainment target (with 95% confidence when replicated). */
    public boolean meetsTarget(Strategy s) {
        return verdict(s) == Verdict.MET;
    }

    /** Mean cost per useful 1M tokens of {@code s} over its replications. */
    public static double unitCost(Strategy s) {
        return s.estimate(Metric.COST_PER_USEFUL_MTOK).mean();
    }

    /** The strategy meeting the target with the lowest cost per useful token (the first on a tie). */
    public Optional<Strategy> cheapestMeetingTarget() {
        return strategies.stream().filter(this::meetsTarget)
                .filter(s -> Double.isFinite(unitCost(s)))
                .min(Comparator.comparingDouble(Comparison::unitCost));
    }

    /** The strategy with the highest SLO attainment (the first on a tie), when none meets the target. */
    public Optional<Strategy> closestToTarget() {
        return strategies.stream().filter(s -> Double.isFinite(s.estimate(Metric.SLO_ATTAINMENT).mean()))
                .max(Comparator.comparingDouble(s -> s.estimate(Metric.SLO_ATTAINMENT).mean()));
    }

    /** Every pool name of every strategy, in order of first appearance. */
    public List<String> poolNames() {
        Set<String> names = new LinkedHashSet<>();
        strategies.forEach(s -> s.result().pools().stream().map(PoolResult::name).forEach(names::add));
        return List.copyOf(names);
    }

    /**
     * The paired difference of {@code a}'s cost per useful 1M tokens minus {@code b}'s over the
     * common seeds (replication i of both saw the same requests).
     */
    public static Estimate unitCostDifference(Strategy a, Strategy b) {
        return Estimate.ofDifference(a.replications().values(Metric.COST_PER_USEFUL_MTOK),
                b.replications().values(Metric.COST_PER_USEFUL_MTOK));
    }

    /** The verdict in words: the winner, or that none meets the target; with intervals when replicated. */
    public String verdict() {
        return replicated() ? replicatedVerdict() : singleRunVerdict();
    }

    private String singleRunVerdict() {
        String target = ValueFormat.SHARE.display(sloTarget);
        Optional<Strategy> best = cheapestMeetingTarget();
        if (best.isPresent()) {
            Strategy s = best.get();
            return String.format(Locale.ROOT,
                    "Cheapest strategy meeting the SLO target (%s): %s, at $%s per useful 1M tokens "
                            + "($%s in total, SLO attainment %s).", target, s.name(),
                    ValueFormat.USD_PER_MTOK.display(s.result().costPerUsefulMtokUsd()),
                    ValueFormat.USD.display(s.result().costUsd()),
                    ValueFormat.SHARE.display(s.result().sloAttainment()));
        }
        return "No strategy meets the SLO target (" + target + ")"
                + closestToTarget().map(s -> "; the closest is " + s.name() + " at "
                + ValueFormat.SHARE.display(s.result().sloAttainment())).orElse("") + ".";
    }

    private String replicatedVerdict() {
        String target = ValueFormat.SHARE.display(sloTarget);
        StringBuilder out = new StringBuilder();
        Optional<Strategy> best = cheapestMeetingTarget();
        if (best.isPresent()) {
            Strategy s = best.get();
            out.append(String.format(Locale.ROOT, "Cheapest strategy meeting the SLO target (%s) with 95%% "
                            + "confidence over %d replications on common seeds: %s, at $%s per useful 1M tokens "
                            + "(SLO attainment %s).", target, replications(), s.name(),
                    EstimateText.of(s.estimate(Metric.COST_PER_USEFUL_MTOK), ValueFormat.USD_PER_MTOK),
                    EstimateText.of(s.estimate(Metric.SLO_ATTAINMENT), ValueFormat.SHARE)));
            List<String> against = new ArrayList<>();
            for (Strategy other : strategies) {
                if (other == s || !meetsTarget(other)) {
                    continue;
                }
                Estimate d = unitCostDifference(other, s);
                boolean apart = d.lower() > 0;
                against.add(String.format(Locale.ROOT, "%s costs $%s more per useful 1M (paired)%s", other.name(),
                        EstimateText.of(d, ValueFormat.USD_PER_MTOK), apart ? "" : ", not told apart at 95%"));
            }
            if (!against.isEmpty()) {
                out.append(" Against it: ").append(String.join("; ", against)).append('.');
            }
        } else {
            out.append("No strategy meets the SLO target (").append(target).append(") with 95% confidence over ")
                    .append(replications()).append(" replications")
                    .append(closestToTarget().map(s -> "; the closest is " + s.name() + " at "
                            + EstimateText.of(s.estimate(Metric.SLO_ATTAINMENT), ValueFormat.SHARE)).orElse(""))
                    .append('.');
        }
        List<String> marginal = strategies.stream().filter(s -> verdict(s) == Verdict.MARGINAL)
                .map(Strategy::name).collect(Collectors.toList());
        if (!marginal.isEmpty()) {
            out.append(" Marginal (the SLO attainment interval straddles the target; more replications may "
                    + "decide): ").append(String.join(", ", marginal)).append('.');
        }
        return out.toString();
    }
}
