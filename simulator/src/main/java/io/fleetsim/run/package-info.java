/**
 * One simulation end to end: builds the engine, traffic, fleet and metrics for a scenario, runs
 * it, and assembles the figures into a {@code RunResult}.
 */
package io.fleetsim.run;
