package io.fleetsim.hardware;

import java.util.Locale;

/**
 * Numeric format of a replica's weights and matrix math. The KV cache is kept at 8 bits for FP4
 * weights (as serving stacks do), and activations exchanged between GPUs stay 16-bit.
 */
public enum Precision {
    /** 16-bit brain float. */
    BF16(2, 2),
    /** 8-bit float weights and KV cache. */
    FP8(1, 1),
    /** 4-bit float weights (Blackwell), 8-bit KV cache. */
    FP4(0.5, 1);

    /** Bytes per activation value exchanged in tensor-parallel all-reduces. */
    public static final double ACTIVATION_BYTES = 2;

    private final double weightBytes;
    private final double kvBytes;

    Precision(double weightBytes, double kvBytes) {
        this.weightBytes = weightBytes;
        this.kvBytes = kvBytes;
    }

    /** Bytes per weight. */
    public double weightBytesPerValue() {
        return weightBytes;
    }

    /** Bytes per KV cache value. */
    public double kvBytesPerValue() {
        return kvBytes;
    }

    /** The name used in scenario files ({@code bf16}, {@code fp8}, {@code fp4}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
