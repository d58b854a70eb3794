/**
 * The decision of {@code fleetsim compare}: strategies (scenarios) run on the same traffic, which
 * of them meets an SLO attainment target at the lowest cost per useful token, on what basis (one
 * run, or 95% intervals over replications on common seeds), by how much it leads the others, and
 * what keeps the comparison from being like for like (traffic or SLO targets that differ). Every
 * outcome is typed ({@code Decision}, {@code TrafficDifference}, {@code SloDifference}); how they
 * are worded for a reader belongs to the reports module.
 *
 * <p>Judges finished results: reads {@code run}'s results, {@code sweep}'s estimates and verdicts,
 * {@code metrics}' time series and {@code spec}'s SLO targets. Must not import anything that runs
 * a simulation ({@code engine}, {@code serving}, {@code fleet}, {@code workload}, {@code cost}),
 * nor the reports module's {@code report} or {@code cli} (checked by {@code DependencyRulesTest}).
 */
package io.fleetsim.compare;
