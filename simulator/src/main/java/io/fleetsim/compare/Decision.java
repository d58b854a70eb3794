package io.fleetsim.compare;

import java.util.List;
import java.util.Optional;

/**
 * What a comparison decided, before any wording: the outcome, on what basis, the strategy it
 * names, the winner's leads and the strategies the replications could not place.
 *
 * @param outcome  a winner, or none meeting the target
 * @param basis    one run, or replications on common seeds
 * @param named    the winner, or when none meets the target the closest to it (empty when no
 *                 strategy has a finite SLO attainment)
 * @param leads    with replications and a winner, one per other strategy meeting the target, in
 *                 command-line order; empty otherwise
 * @param marginal with replications, the strategies whose attainment interval straddles the
 *                 target, in command-line order; empty for one run
 */
public record Decision(Outcome outcome, Basis basis, Optional<Strategy> named, List<Lead> leads,
                       List<Strategy> marginal) {

    public Decision {
        leads = List.copyOf(leads);
        marginal = List.copyOf(marginal);
        if (outcome == Outcome.CHEAPEST_MEETING_TARGET && named.isEmpty()) {
            throw new IllegalArgumentException("a winner must be named");
        }
    }

    /** The winner, when some strategy meets the target. */
    public Optional<Strategy> winner() {
        return outcome == Outcome.CHEAPEST_MEETING_TARGET ? named : Optional.empty();
    }
}
