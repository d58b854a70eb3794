package io.fleetsim.hardware;

/**
 * One accelerator type, as in a datasheet.
 *
 * @param name                   catalog name, e.g. {@code H100-SXM-80GB}
 * @param memoryBytes            device memory
 * @param memoryBandwidthBytesPerSecond HBM bandwidth
 * @param bf16FlopsPerSecond     dense BF16 tensor throughput
 * @param fp8FlopsPerSecond      dense FP8 tensor throughput, 0 when not supported
 * @param fp4FlopsPerSecond      dense FP4 tensor throughput, 0 when not supported
 * @param interconnectBytesPerSecond per-GPU bandwidth between GPUs of one replica (NVLink / PCIe)
 * @param source                 where the numbers come from
 */
public record Gpu(String name, double memoryBytes, double memoryBandwidthBytesPerSecond, double bf16FlopsPerSecond,
                  double fp8FlopsPerSecond, double fp4FlopsPerSecond, double interconnectBytesPerSecond,
                  String source) {

    /** Dense throughput at a precision; throws when the GPU has no tensor cores for it. */
    public double flopsPerSecond(Precision precision) {
        return switch (precision) {
            case BF16 -> bf16FlopsPerSecond;
            case FP8, FP8_BLOCK -> fp8FlopsPerSecond;
            case FP4 -> fp4FlopsPerSecond;
            case MXFP4 -> fp4FlopsPerSecond > 0 ? fp4FlopsPerSecond : bf16FlopsPerSecond;
            case INT4_WO -> bf16FlopsPerSecond;
        };
    }

    /** Whether this GPU computes natively at {@code precision}. */
    public boolean supports(Precision precision) {
        return flopsPerSecond(precision) > 0;
    }
}
