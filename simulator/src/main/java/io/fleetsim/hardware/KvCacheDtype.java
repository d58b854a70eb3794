package io.fleetsim.hardware;

import java.util.Locale;

/** Numeric format of the KV cache, a pool setting of its own (bf16 weights with an fp8 cache is common). */
public enum KvCacheDtype {
    /** 16-bit keys and values. */
    BF16(2),
    /** 8-bit float keys and values. */
    FP8(1);

    private final double bytes;

    KvCacheDtype(double bytes) {
        this.bytes = bytes;
    }

    /** Bytes per cached value. */
    public double bytesPerValue() {
        return bytes;
    }

    /** The cache format serving stacks use with {@code precision} weights unless told otherwise. */
    public static KvCacheDtype defaultFor(Precision precision) {
        return precision.kvBytesPerValue() >= 2 ? BF16 : FP8;
    }

    /** The name used in scenario files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
