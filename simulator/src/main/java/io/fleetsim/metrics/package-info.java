/**
 * Streamed statistics of a run: latency histograms, request outcomes and their causes, tokens
 * useful and wasted by cause, per route and tenant, the time series, and the outcomes of the
 * requests sent during each zone outage or deploy against those sent outside them
 * ({@code DisruptionWindows}). Nothing is kept per request. The outcomes it counts
 * ({@code RejectCause}, {@code WasteCause}) live beside {@code Request} in {@code workload}.
 *
 * <p>Must not import {@code serving}, {@code fleet}, {@code cost} or {@code run}: the fleet
 * reports to it, the bill reads it.
 */
package io.fleetsim.metrics;
