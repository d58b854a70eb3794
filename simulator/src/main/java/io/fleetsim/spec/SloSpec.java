package io.fleetsim.spec;

/**
 * Latency targets of a route. A request is within its SLO when both hold; the route meets its
 * SLO when the {@code percentile}-th percentiles of TTFT and TPOT are within the targets.
 *
 * @param ttftSeconds time to first token target
 * @param tpotSeconds time per output token target (mean gap between output tokens after the first)
 * @param percentile  the percentile the route's targets apply to, e.g. 95 (default 99)
 */
public record SloSpec(double ttftSeconds, double tpotSeconds, double percentile) {

    /** Targets at the 99th percentile. */
    public SloSpec(double ttftSeconds, double tpotSeconds) {
        this(ttftSeconds, tpotSeconds, 99);
    }
}
