/**
 * The text, tables and charts of {@code fleetsim sweep} and {@code optimize}.
 */
package io.fleetsim.report.sweep;
