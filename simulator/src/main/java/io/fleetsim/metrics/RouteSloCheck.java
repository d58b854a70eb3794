package io.fleetsim.metrics;

/**
 * A route's SLO judged at its percentile.
 *
 * @param percentile the percentile the targets apply to
 * @param ttftMs     TTFT at that percentile
 * @param tpotMs     TPOT at that percentile
 * @param met        both within their targets
 */
public record RouteSloCheck(double percentile, double ttftMs, double tpotMs, boolean met) {
}
