package io.fleetsim.hardware;

import java.util.Locale;

/** Numeric format of weights and KV cache. */
public enum Precision {
    /** 16-bit brain float: 2 bytes per value. */
    BF16(2),
    /** 8-bit float: 1 byte per value. */
    FP8(1);

    private final int bytesPerValue;

    Precision(int bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    /** Bytes per weight or KV value. */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** The name used in scenario files ({@code bf16}, {@code fp8}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
