package io.fleetsim.metrics;

import java.util.Map;

/**
 * Token counts of a run. {@code input}, {@code output} and {@code useful} are over completed
 * requests (their last answer), and {@code input + output = useful + wasted[outside_slo] +
 * wasted[rejected_quality] - reasked}, where {@code reasked} are the tokens of rejected answers the
 * client asked again; the other waste causes are extra work done for requests that did not (or not
 * only) end in delivery, such as KV cache recomputed after a preemption.
 *
 * @param input       prompt tokens of completed requests
 * @param output      generated tokens of completed requests
 * @param useful      input and output tokens of requests completed within their SLO
 * @param cachedInput prompt tokens served from a prefix cache instead of prefilled (admitted requests)
 * @param wasted      tokens processed without being useful, by waste cause id
 * @param usefulOutput output tokens of the useful requests (the articles' "useful tokens")
 * @param reasked     tokens of rejected answers that were asked again (part of {@code rejected_quality})
 * @param draftProposed tokens speculative decoding's drafters proposed (counted apart from output)
 * @param draftAccepted of those, the tokens the target accepted (they are output tokens too);
 *                    the rest is {@code wasted[rejected_draft]}
 */
public record TokenCounts(long input, long output, long useful, long cachedInput, Map<String, Long> wasted,
                          long usefulOutput, long reasked, long draftProposed, long draftAccepted) {

    public TokenCounts {
        wasted = Map.copyOf(wasted);
    }

    /** Token counts of a run without speculative decoding, quality or re-asks. */
    public TokenCounts(long input, long output, long useful, long cachedInput, Map<String, Long> wasted) {
        this(input, output, useful, cachedInput, wasted, 0, 0, 0, 0);
    }
}
