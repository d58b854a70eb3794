package io.fleetsim.validation;

import java.util.Set;

/**
 * How AIConfigurator's sample writes some expert-parallel layouts of single-node systems: with
 * {@code tp_size} (or {@code attention_dp_size}) and {@code moe_tp_size} multiplied by
 * {@code moe_ep_size}. A B200 or H200 node has 8 GPUs and InferenceX's single-node benchmarks run
 * on one, yet rows of the 2026-04-06 sweep and of the 2026-04-27 dump say {@code tp 64, moe_tp 8,
 * ep 8} (64 GPUs) or {@code tp 1, dp 64, moe_tp 8, ep 8}; the very same measurements are listed in
 * the 2026-03-25 sweep as {@code tp 8, moe_tp 1, ep 8} and {@code tp 1, dp 8, ep 8}, and the rows'
 * ids say {@code tp8_ep8} (docs/validation.md). Such a layout is read as the one it was:
 * {@code tp} (or {@code dp}) and {@code moe_tp} divided by {@code moe_ep}.
 *
 * <p>A layout is read so only when all of these hold, which no layout of one node meets: the
 * system's nodes have 8 GPUs (not an NVL72 rack), {@code moe_tp} equals {@code moe_ep} (above 1),
 * {@code tp x dp} equals {@code moe_tp x moe_ep} and is more than 8, one of {@code tp} and
 * {@code dp} is 1 and the other a multiple of {@code moe_ep}. Every other layout is read as written.
 */
final class ExpertLayoutReading {

    /** Systems whose GPUs share one NVLink domain of 72 (NVL72 racks), where a worker may span 64 GPUs. */
    private static final Set<String> NVL72 = Set.of("gb200", "gb300");
    private static final int NODE_GPUS = 8;

    private ExpertLayoutReading() {
    }

    /** The layout {@code written} for a worker on {@code system} describes. */
    static Deployment.ParallelLayout of(String system, Deployment.ParallelLayout written) {
        int tp = written.tp();
        int dp = written.attentionDp();
        int ep = written.moeEp();
        boolean multiplied = !NVL72.contains(system) && ep > 1 && written.moeTp() == ep && tp * dp == ep * ep
                && tp * dp > NODE_GPUS && (tp == 1 || dp == 1);
        if (!multiplied) {
            return written;
        }
        return new Deployment.ParallelLayout(tp == 1 ? 1 : tp / ep, written.pp(), dp == 1 ? 1 : dp / ep, 1, ep);
    }
}
