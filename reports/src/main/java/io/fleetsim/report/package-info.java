/**
 * Reports of a run or a comparison: tables rendered as text, CSV and HTML from one table
 * builder, charts (JFreeChart), report.json, and folders written all at once.
 */
package io.fleetsim.report;
