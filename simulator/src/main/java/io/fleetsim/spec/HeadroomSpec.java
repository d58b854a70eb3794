package io.fleetsim.spec;

import java.math.BigDecimal;

/**
 * An N+k headroom policy of a fixed-size pool: {@code neededReplicas} (N, the {@code replicas}
 * the scenario gives) carry the load, {@code spareReplicas} (k) more are kept so that losing k
 * still leaves N. The pool runs N + k replicas, all serving; the report prices the spares as
 * their share k / (N + k) of what the pool paid.
 *
 * @param neededReplicas N, the replicas the load needs
 * @param spareReplicas  k, given or {@code ceil(spareShare x N)}
 * @param spareShare     the share of N asked for ({@code spare_share}), NaN when k was given
 */
public record HeadroomSpec(int neededReplicas, int spareReplicas, double spareShare) {

    /** N + k: the replicas the pool runs. */
    public int replicas() {
        return neededReplicas + spareReplicas;
    }

    /** How the scenario asked for it, e.g. {@code N+1} or {@code N+50%}. */
    public String policy() {
        if (Double.isNaN(spareShare)) {
            return "N+" + spareReplicas;
        }
        double percent = Math.round(spareShare * 10_000) / 100.0;
        return "N+" + BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + "% (" + spareReplicas + ")";
    }
}
