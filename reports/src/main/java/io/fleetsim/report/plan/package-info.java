/**
 * The text, tables, chart, JSON and page of {@code fleetsim plan}.
 */
package io.fleetsim.report.plan;
