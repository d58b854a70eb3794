/**
 * The text and chart of {@code fleetsim trace stats} and the YAML of {@code trace fit}.
 */
package io.fleetsim.report.trace;
