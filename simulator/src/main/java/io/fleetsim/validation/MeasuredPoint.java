package io.fleetsim.validation;

/**
 * One measured end-to-end point: a deployment benchmarked by a closed loop of clients sending
 * requests of a fixed prompt and output length, and the mean latencies the clients saw.
 *
 * @param id             the row's identifier
 * @param line           1-based line of the row in its file
 * @param deployment     what was deployed
 * @param promptTokens   input length of every request (ISL)
 * @param outputTokens   output length of every request (OSL)
 * @param concurrency    requests the clients keep in flight across the whole deployment; 0 when
 *                       the row does not state it
 * @param measuredTtftMs mean time to first token
 * @param measuredTpotMs mean time per output token after the first
 */
public record MeasuredPoint(String id, int line, Deployment deployment, int promptTokens, int outputTokens,
                            int concurrency, double measuredTtftMs, double measuredTpotMs) {
}
