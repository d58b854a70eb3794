/**
 * Scenario files read into specs: the readers that validate a document node by node into the
 * {@code spec} records ({@code ScenarioLoader} and one {@code *Reader} per part), with every bad
 * value reported by file, line and field path through {@code input}; and the checks a whole
 * scenario must pass before it runs ({@code Feasibility}).
 *
 * <p>Only the run ({@code Feasibility}), sweeps (reading variants) and the command line import
 * it: the records are in {@code spec}, the plumbing in {@code input}.
 */
package io.fleetsim.scenario;
