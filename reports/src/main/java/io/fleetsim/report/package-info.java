/**
 * Reports of a run or a comparison: tables rendered as text, CSV and HTML from one table
 * builder, charts (JFreeChart), report.json, and folders written all at once; and the words of
 * the simulator's decisions (a comparison's {@code VerdictText} and {@code ComparisonNotes}).
 *
 * <p>Renders results: imports nothing of {@code cli}, and nothing that runs a simulation or reads
 * a scenario file ({@code engine}, {@code random}, {@code scenario}; checked by
 * {@code ReportDependencyRulesTest}).
 */
package io.fleetsim.report;
