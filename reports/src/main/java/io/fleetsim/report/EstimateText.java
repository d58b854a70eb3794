package io.fleetsim.report;

import io.fleetsim.sweep.Estimate;

/** An estimate as people read it: {@code 1.0344 ± 0.0021}, or the mean alone without an interval. */
public final class EstimateText {

    private EstimateText() {
    }

    /** {@code mean ± half-width} in {@code format}. */
    public static String of(Estimate e, ValueFormat format) {
        String mean = format.display(e.mean());
        return Double.isFinite(e.halfWidth()) ? mean + " ± " + format.display(e.halfWidth()) : mean;
    }
}
