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
 *                       the row does not state it, or for a run at a request rate
 * @param measuredTtftMs mean time to first token
 * @param measuredTpotMs mean time per output token after the first
 * @param arrivals       for a run at a request rate, how requests were sent; null for a closed loop
 */
public record MeasuredPoint(String id, int line, Deployment deployment, int promptTokens, int outputTokens,
                            int concurrency, double measuredTtftMs, double measuredTpotMs, RequestRate arrivals) {

    /** A point measured by a closed loop of {@code concurrency} clients. */
    public MeasuredPoint(String id, int line, Deployment deployment, int promptTokens, int outputTokens,
                         int concurrency, double measuredTtftMs, double measuredTpotMs) {
        this(id, line, deployment, promptTokens, outputTokens, concurrency, measuredTtftMs, measuredTpotMs, null);
    }

    /**
     * Requests sent at a rate, whatever the server's state (an open loop).
     *
     * @param perSecond requests per second to the whole deployment
     * @param poisson   exponential gaps (a Poisson process) rather than equal ones
     */
    public record RequestRate(double perSecond, boolean poisson) {
    }
}
