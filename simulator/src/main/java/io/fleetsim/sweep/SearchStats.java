package io.fleetsim.sweep;

/**
 * How much work a search did.
 *
 * @param configurations configurations in the grid
 * @param evaluated      configurations simulated
 * @param inferred       configurations pruned without simulation: their cost floor is no better
 *                       than a configuration meeting the constraints
 * @param simulations    units of work (configuration x replication) the search used
 * @param resumed        of those, units read from the results file instead of simulated
 * @param rounds         batches of parallel simulations
 * @param method         how the search went, in words
 */
public record SearchStats(int configurations, int evaluated, int inferred, int simulations, int resumed, int rounds,
                          String method) {
}
