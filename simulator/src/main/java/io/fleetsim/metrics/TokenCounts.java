package io.fleetsim.metrics;

import java.util.Map;

/**
 * Tokens of the requests that completed in the horizon. Conservation:
 * {@code input + output = useful + sum(wasted)}.
 *
 * @param input  prompt tokens
 * @param output generated tokens
 * @param useful input and output tokens of requests completed within their SLO
 * @param wasted the other tokens, by waste cause id
 */
public record TokenCounts(long input, long output, long useful, Map<String, Long> wasted) {

    public TokenCounts {
        wasted = Map.copyOf(wasted);
    }
}
