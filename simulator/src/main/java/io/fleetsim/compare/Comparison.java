package io.fleetsim.compare;

import io.fleetsim.run.PoolResult;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.SloSpec;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs a strategy");
        }
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

    /** What the decision is judged on. */
    public Basis basis() {
        return replicated() ? Basis.REPLICATIONS : Basis.SINGLE_RUN;
    }

    /** The strategies whose traffic differs from the first one's, in order; empty when all saw the same. */
    public List<TrafficDifference> trafficDifferences() {
        List<TrafficDifference> out = new ArrayList<>();
        Strategy first = strategies.get(0);
        TrafficSummary reference = first.traffic();
        for (Strategy s : strategies.subList(1, strategies.size())) {
            TrafficSummary t = s.traffic();
            Set<TrafficAspect> aspects = t.differencesFrom(reference);
            if (!aspects.isEmpty()) {
                out.add(new TrafficDifference(s, first, t, reference, aspects));
            }
        }
        return out;
    }

    /** True when every strategy saw the first one's traffic (common random numbers held). */
    public boolean sameTraffic() {
        return trafficDifferences().isEmpty();
    }

    /** The routes whose SLO targets differ from the first strategy's, by strategy then route order. */
    public List<SloDifference> sloDifferences() {
        List<SloDifference> out = new ArrayList<>();
        Strategy first = strategies.get(0);
        for (Strategy s : strategies.subList(1, strategies.size())) {
            for (RouteSpec route : s.scenario().workload().routes()) {
                Optional<SloSpec> ref = slo(first.scenario(), route.name());
                if (ref.isPresent() && !ref.get().equals(route.slo())) {
                    out.add(new SloDifference(s, first, route.name()));
                }
            }
        }
        return out;
    }

    private static Optional<SloSpec> slo(ScenarioSpec scenario, String route) {
        return scenario.workload().routes().stream().filter(r -> r.name().equals(route)).map(RouteSpec::slo)
                .findFirst();
    }

    /**
     * Where {@code s} stands against the target: from one run, met or missed; from replications,
     * judged on the 95% interval of its SLO attainment (marginal when the interval straddles it).
     */
    public Verdict verdict(Strategy s) {
        if (!replicated()) {
            double slo = s.estimate(Metric.SLO_ATTAINMENT).mean();
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

    /** The strategy with the highest SLO attainment (the first on a tie). */
    public Optional<Strategy> closestToTarget() {
        return strategies.stream().filter(s -> Double.isFinite(s.estimate(Metric.SLO_ATTAINMENT).mean()))
                .max(Comparator.comparingDouble(s -> s.estimate(Metric.SLO_ATTAINMENT).mean()));
    }

    /**
     * The paired difference of {@code a}'s cost per useful 1M tokens minus {@code b}'s over the
     * common seeds (replication i of both saw the same requests).
     */
    public static Estimate unitCostDifference(Strategy a, Strategy b) {
        return Estimate.ofDifference(a.replications().values(Metric.COST_PER_USEFUL_MTOK),
                b.replications().values(Metric.COST_PER_USEFUL_MTOK));
    }

    /** The decision: the winner or the closest, its leads over the others and the marginal strategies. */
    public Decision decision() {
        Optional<Strategy> best = cheapestMeetingTarget();
        List<Lead> leads = new ArrayList<>();
        List<Strategy> marginal = new ArrayList<>();
        if (replicated()) {
            if (best.isPresent()) {
                for (Strategy other : strategies) {
                    if (other != best.get() && meetsTarget(other)) {
                        leads.add(Lead.of(other, unitCostDifference(other, best.get())));
                    }
                }
            }
            strategies.stream().filter(s -> verdict(s) == Verdict.MARGINAL).forEach(marginal::add);
        }
        return best.isPresent()
                ? new Decision(Outcome.CHEAPEST_MEETING_TARGET, basis(), best, leads, marginal)
                : new Decision(Outcome.NONE_MEETS_TARGET, basis(), closestToTarget(), leads, marginal);
    }

    /** Every pool name of every strategy, in order of first appearance. */
    public List<String> poolNames() {
        Set<String> names = new LinkedHashSet<>();
        strategies.forEach(s -> s.result().pools().stream().map(PoolResult::name).forEach(names::add));
        return List.copyOf(names);
    }
}
