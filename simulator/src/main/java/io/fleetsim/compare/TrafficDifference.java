package io.fleetsim.compare;

import java.util.Set;

/**
 * A strategy that saw other traffic than the reference (the first strategy), so that its results
 * differ from the reference's partly because of the traffic (intended when comparing loads).
 *
 * @param strategy  the strategy whose traffic differs
 * @param reference the first strategy
 * @param traffic   what {@code strategy}'s run saw
 * @param referenceTraffic what the reference's run saw
 * @param aspects   what differs, never empty
 */
public record TrafficDifference(Strategy strategy, Strategy reference, TrafficSummary traffic,
                                TrafficSummary referenceTraffic, Set<TrafficAspect> aspects) {

    public TrafficDifference {
        aspects = Set.copyOf(aspects);
        if (aspects.isEmpty()) {
            throw new IllegalArgumentException("a traffic difference names what differs");
        }
    }
}
