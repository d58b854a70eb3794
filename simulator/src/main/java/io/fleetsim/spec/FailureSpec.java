package io.fleetsim.spec;

import java.util.List;

/**
 * GPU or node failures of a pool's replicas: a replica fails when any of its GPUs does (tensor
 * parallelism needs them all), after an exponential time of mean {@code mtbfPerGpuSeconds / GPUs
 * per replica}, and/or at replayed times (then the oldest serving replica fails). What it was
 * serving is lost and goes back to the router; a replacement is asked for after
 * {@code repairSeconds} (a fixed pool; an autoscaled one lets its autoscaler decide). A reserved
 * pool keeps paying for the failed replica while it is repaired.
 *
 * @param mtbfPerGpuSeconds mean time between failures of one GPU (0: no random failures)
 * @param repairSeconds     time from a failure until a replacement is asked for
 * @param at                replayed failure times, seconds from the start
 * @param source            where the failure rate comes from
 */
public record FailureSpec(double mtbfPerGpuSeconds, double repairSeconds, List<Double> at, String source) {

    /**
     * The default MTBF per GPU: Llama 3 405B pre-training ("The Llama 3 Herd of Models", Meta,
     * 2024) saw 419 unexpected interruptions in 54 days on 16,384 H100 GPUs, so one per
     * 16,384 x 54 x 24 / 419 = 50,677 GPU-hours.
     */
    public static final double DEFAULT_MTBF_PER_GPU_SECONDS = 16_384.0 * 54 * 86_400 / 419;

    /** Where the default comes from. */
    public static final String DEFAULT_SOURCE = "Llama 3 Herd of Models (Meta, 2024): 419 unexpected interruptions "
            + "in 54 days on 16,384 H100 (shared/data/prices-2026/tco_facts.csv, reliability)";

    public FailureSpec {
        at = List.copyOf(at);
    }
}
