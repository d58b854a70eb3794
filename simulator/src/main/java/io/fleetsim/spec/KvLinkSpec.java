package io.fleetsim.spec;

import io.fleetsim.hardware.Gpu;

/**
 * The link a disaggregated deployment moves each request's KV cache over, from the prefill worker
 * that computed it to a decode worker. Every GPU of the sending worker sends its share at once, so
 * a transfer runs at {@code bytesPerSecondPerGpu} times the GPUs of the smaller of the two workers;
 * one prefill worker sends one transfer at a time (later ones wait for the link).
 *
 * @param kind                 {@code nvlink} (same node or NVL72 rack) or {@code infiniband}
 *                             (between nodes; RoCE alike)
 * @param bytesPerSecondPerGpu bandwidth of one GPU's share of the link, one direction
 * @param latencySeconds       fixed time per transfer (the first byte's trip and the connector's
 *                             handshake)
 * @param source               where the figures come from: the scenario or a named default
 */
public record KvLinkSpec(String kind, double bytesPerSecondPerGpu, double latencySeconds, String source) {

    /** Link kinds a scenario may name. */
    public static final String NVLINK = "nvlink";
    /** Between nodes: InfiniBand or RoCE. */
    public static final String INFINIBAND = "infiniband";

    /**
     * Bandwidth per GPU of {@code infiniband} by default: one 400 Gb/s NDR port per GPU
     * (ConnectX-7, 8 per DGX H100 / DGX B200 node: NVIDIA DGX H100 and DGX B200 datasheets).
     */
    public static final double INFINIBAND_BYTES_PER_SECOND = 400e9 / 8;
    /**
     * Latency of one transfer over InfiniBand by default, 10 µs: a few RDMA round trips (an NDR
     * port-to-port hop is under 1 µs; NIXL/Mooncake post a descriptor and a notification per
     * transfer). A round figure, not a measurement: set {@code latency_us} when known.
     */
    public static final double INFINIBAND_LATENCY_SECONDS = 10e-6;
    /** Latency of one transfer over NVLink by default, 5 µs (a copy-engine launch and a notification; round figure). */
    public static final double NVLINK_LATENCY_SECONDS = 5e-6;

    /** NVLink by default: half of {@code gpu}'s NVLink figure in the catalog (its datasheet gives both directions). */
    public static KvLinkSpec nvlinkOf(Gpu gpu) {
        return new KvLinkSpec(NVLINK, gpu.interconnectBytesPerSecond() / 2, NVLINK_LATENCY_SECONDS,
                "default: half of " + gpu.name() + "'s NVLink bandwidth (catalog/gpus.yaml, both directions), "
                        + "5 us per transfer");
    }

    /** InfiniBand by default: one 400 Gb/s NDR port per GPU. */
    public static KvLinkSpec infiniband() {
        return new KvLinkSpec(INFINIBAND, INFINIBAND_BYTES_PER_SECOND, INFINIBAND_LATENCY_SECONDS,
                "default: one 400 Gb/s NDR InfiniBand port per GPU (DGX H100/B200 datasheets), 10 us per transfer");
    }

    /** Seconds to move {@code bytes} when {@code gpus} GPUs send in parallel, the link otherwise idle. */
    public double transferSeconds(double bytes, int gpus) {
        return latencySeconds + bytes / (bytesPerSecondPerGpu * gpus);
    }
}
