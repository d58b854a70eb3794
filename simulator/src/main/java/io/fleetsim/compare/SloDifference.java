package io.fleetsim.compare;

/**
 * A route that a strategy holds to other SLO targets than the reference (the first strategy)
 * does, so that its SLO attainment is measured against other targets.
 *
 * @param strategy  the strategy whose targets differ
 * @param reference the first strategy
 * @param route     the route's name, present in both scenarios
 */
public record SloDifference(Strategy strategy, Strategy reference, String route) {
}
