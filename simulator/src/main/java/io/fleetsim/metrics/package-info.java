/**
 * Streamed statistics of a run: latency histograms, request outcomes and their causes, tokens
 * useful and wasted by cause, per route and tenant, and the time series. Nothing is kept per
 * request.
 */
package io.fleetsim.metrics;
