/**
 * Scenario files: the immutable specs ({@code *Spec} records) and the readers that validate a
 * document into them, with every bad value reported by file, line and field path
 * ({@code ScenarioException}).
 */
package io.fleetsim.scenario;
