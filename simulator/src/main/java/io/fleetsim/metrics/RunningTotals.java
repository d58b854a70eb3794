package io.fleetsim.metrics;

/**
 * Request counters over all routes at one instant; two of them give the counts of an interval.
 *
 * @param arrived   requests arrived so far
 * @param completed requests completed so far
 * @param withinSlo completed within their SLO so far
 * @param rejected  requests rejected or cancelled so far
 */
public record RunningTotals(long arrived, long completed, long withinSlo, long rejected) {
}
