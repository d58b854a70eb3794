/**
 * One simulation end to end: builds the engine, traffic, fleet and metrics for a scenario, runs
 * it, and assembles the figures into a {@code RunResult}: the measurements from {@code metrics},
 * the money from {@code cost.Bill} (it computes none itself). The top of the simulation: nothing
 * below it imports it, and it imports nothing that repeats, judges or plans runs ({@code sweep},
 * {@code compare}, {@code plan}, {@code bench}, {@code validation}; checked by
 * {@code DependencyRulesTest}).
 */
package io.fleetsim.run;
