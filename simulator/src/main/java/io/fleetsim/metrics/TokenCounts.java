package io.fleetsim.metrics;

import java.util.Map;

/**
 * Token counts of a run. {@code input}, {@code output} and {@code useful} are over completed
 * requests, and {@code input + output = useful + wasted[outside_slo]}; the other waste causes are
 * extra work done for requests that did not (or not only) end in delivery, such as KV cache
 * recomputed after a preemption.
 *
 * @param input       prompt tokens of completed requests
 * @param output      generated tokens of completed requests
 * @param useful      input and output tokens of requests completed within their SLO
 * @param cachedInput prompt tokens served from a prefix cache instead of prefilled (admitted requests)
 * @param wasted      tokens processed without being useful, by waste cause id
 */
public record TokenCounts(long input, long output, long useful, long cachedInput, Map<String, Long> wasted) {

    public TokenCounts {
        wasted = Map.copyOf(wasted);
    }
}
