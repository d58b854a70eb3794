package io.fleetsim.report;

import io.fleetsim.run.PoolResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Strategies run on the same traffic, judged against one SLO attainment target: the cheapest per
 * useful token among those that meet the target wins.
 *
 * @param sloTarget  SLO attainment a strategy must reach, 0..1
 * @param strategies the strategies, in command-line order
 */
public record Comparison(double sloTarget, List<Strategy> strategies) {

    public Comparison {
        strategies = List.copyOf(strategies);
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

    /** True when {@code s} reaches the SLO attainment target. */
    public boolean meetsTarget(Strategy s) {
        double slo = s.result().sloAttainment();
        return Double.isFinite(slo) && slo >= sloTarget;
    }

    /** The strategy meeting the target with the lowest cost per useful token (the first on a tie). */
    public Optional<Strategy> cheapestMeetingTarget() {
        return strategies.stream().filter(this::meetsTarget)
                .filter(s -> Double.isFinite(s.result().costPerUsefulMtokUsd()))
                .min(Comparator.comparingDouble(s -> s.result().costPerUsefulMtokUsd()));
    }

    /** The strategy with the highest SLO attainment (the first on a tie), when none meets the target. */
    public Optional<Strategy> closestToTarget() {
        return strategies.stream().filter(s -> Double.isFinite(s.result().sloAttainment()))
                .max(Comparator.comparingDouble(s -> s.result().sloAttainment()));
    }

    /** Every pool name of every strategy, in order of first appearance. */
    public List<String> poolNames() {
        Set<String> names = new LinkedHashSet<>();
        strategies.forEach(s -> s.result().pools().stream().map(PoolResult::name).forEach(names::add));
        return List.copyOf(names);
    }

    /** One sentence naming the winner, or saying that none meets the target. */
    public String verdict() {
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
}
