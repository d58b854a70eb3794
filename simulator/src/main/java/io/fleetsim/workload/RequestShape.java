package io.fleetsim.workload;

/**
 * The two lengths of one request.
 *
 * @param promptTokens input length, at least 1
 * @param outputTokens output length, at least 1
 */
public record RequestShape(int promptTokens, int outputTokens) {
}
