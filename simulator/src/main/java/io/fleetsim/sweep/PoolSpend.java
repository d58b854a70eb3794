package io.fleetsim.sweep;

/**
 * What one pool cost in one run.
 *
 * @param name     pool name
 * @param kind     {@code reserved}, {@code on-demand}, {@code spot} or {@code api}
 * @param gpuHours GPU-hours paid for
 * @param costUsd  money paid
 * @param batchOccupancy share of batch slots in use over serving time (NaN for an API pool)
 * @param split    its prefill and decode sides, for a disaggregated pool (else null; also null in
 *                 results files written before they were kept)
 */
public record PoolSpend(String name, String kind, double gpuHours, double costUsd, double batchOccupancy,
                        SplitFigures split) {

    /** A pool that is not disaggregated. */
    public PoolSpend(String name, String kind, double gpuHours, double costUsd, double batchOccupancy) {
        this(name, kind, gpuHours, costUsd, batchOccupancy, null);
    }
}
