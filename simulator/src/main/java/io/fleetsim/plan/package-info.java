/**
 * The planner's question, "reserve, burst or buy tokens?": for a scenario's traffic scaled over a
 * range of monthly volumes, the cheapest way of buying capacity (all API, reserved, reserved with
 * API burst, on-demand, spot with API, reserved with spot and API) that meets the SLO, each sized
 * by the optimizer of {@link io.fleetsim.sweep}. Owns the strategies, the volume range, the
 * reshaping of traffic and the decision per volume; reads sweep results, never the fleet's
 * internals, and prints nothing (the command line and reports do). Must not import {@code compare}
 * or {@code bench} (checked by {@code DependencyRulesTest}). A refused input (volumes, points,
 * shape, strategies) is a {@code PlanInputException} naming the {@code PlanInput}; the command
 * line spells the flag.
 */
package io.fleetsim.plan;
