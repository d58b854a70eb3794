package io.fleetsim.serving;

import java.util.Locale;

/** How well a pool's step times are backed by measurements. */
public enum ProfileFit {
    /** Every kernel of the pool's shapes interpolated within measured tables of its engine and GPU. */
    CALIBRATED,
    /**
     * Kernel tables used, but some shape lies outside what was measured (clamped and scaled), or
     * another engine's tables of the same GPU stand in for the pool's engine.
     */
    EXTRAPOLATED,
    /** No kernel data for this GPU, dtype or model: the roofline with unmeasured factors. */
    UNCALIBRATED;

    /** The word used in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
