package io.fleetsim.hardware;

import java.util.Locale;

/**
 * Numeric format (quantisation) of a replica's weights and matrix math. The KV cache has its own
 * setting ({@link KvCacheDtype}); its default is 8 bits for 8- and 4-bit weights (as serving stacks
 * do). Activations exchanged between GPUs stay 16-bit.
 */
public enum Precision {
    /** 16-bit brain float. */
    BF16(2, 2),
    /** 8-bit float weights and KV cache. */
    FP8(1, 1),
    /** 8-bit float weights with one scale per 128 x 128 block (DeepSeek-V3 style). */
    FP8_BLOCK(1, 1),
    /** NVIDIA 4-bit float weights and activations (Blackwell), 8-bit KV cache; {@code fp4} or {@code nvfp4}. */
    FP4(0.5, 1),
    /**
     * OCP MX 4-bit float weights with a shared 8-bit scale per 32 values (gpt-oss experts); on GPUs
     * without FP4 tensor cores the math runs in 16 bits.
     */
    MXFP4(4.25 / 8, 1),
    /**
     * Weight-only 4-bit integers with a 16-bit scale per 32 weights (4.5 bits a weight), math and
     * KV cache at 16 bits (w4a16, Marlin-style kernels): a mixture-of-experts model's routed experts
     * (Kimi-K2.5), a dense model's linear layers but the LM head.
     */
    INT4_WO(4.5 / 8, 2);

    /** Bytes per activation value exchanged in tensor-parallel all-reduces. */
    public static final double ACTIVATION_BYTES = 2;

    private final double weightBytes;
    private final double kvBytes;

    Precision(double weightBytes, double kvBytes) {
        this.weightBytes = weightBytes;
        this.kvBytes = kvBytes;
    }

    /**
     * The family of formats that compute at one tensor-core rate: {@code BF16}, {@code FP8} (per
     * tensor and block-scaled) or {@code FP4} (nvfp4 and mxfp4; int4 weight-only joins them as
     * the other 4-bit weight format). Engine overheads fitted end to end are grouped by family.
     */
    public Precision family() {
        return switch (this) {
            case BF16 -> BF16;
            case FP8, FP8_BLOCK -> FP8;
            case FP4, MXFP4, INT4_WO -> FP4;
        };
    }

    /**
     * Whether this format stores weights in 4 bits but computes at 16 bits on {@code gpu}
     * (weight-only, w4a16): int4 weight-only always, mxfp4 on GPUs without FP4 tensor cores.
     */
    public boolean weightOnlyOn(Gpu gpu) {
        return this == INT4_WO || this == MXFP4 && gpu.fp4FlopsPerSecond() <= 0;
    }

    /** Bytes per weight. */
    public double weightBytesPerValue() {
        return weightBytes;
    }

    /** Bytes per KV cache value. */
    public double kvBytesPerValue() {
        return kvBytes;
    }

    /**
     * The name used in scenario files ({@code bf16}, {@code fp8}, {@code fp8_block}, {@code fp4},
     * {@code mxfp4}, {@code int4_wo}).
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The precision a scenario names: {@code bf16}, {@code fp8}, {@code fp8_block},
     * {@code fp4}/{@code nvfp4}, {@code mxfp4}, {@code int4_wo}.
     */
    public static Precision fromId(String id) {
        return id.equals("nvfp4") ? FP4 : valueOf(id.toUpperCase(Locale.ROOT));
    }
}
