package io.fleetsim.workload;

/**
 * One attempt of a client request, as it arrives. Requests are data, not events.
 *
 * @param id               the client request's number in arrival order, from 0 (kept by retries)
 * @param route            index of its route in the scenario
 * @param arrivalTime      when this attempt arrived, simulated seconds
 * @param promptTokens     input length
 * @param outputTokens     output length it will generate if served to the end
 * @param prefix           the shareable beginning of its prompt, for prefix caching
 * @param tenant           index of its tenant in the scenario (0 when there are none)
 * @param attempt          1 for the first attempt, 2 for the first retry, ...
 * @param firstArrivalTime when the client first sent it: latencies the client sees count from here
 */
public record Request(long id, int route, double arrivalTime, int promptTokens, int outputTokens,
                      PromptPrefix prefix, int tenant, int attempt, double firstArrivalTime) {

    /** A first attempt. */
    public Request(long id, int route, double arrivalTime, int promptTokens, int outputTokens, PromptPrefix prefix,
                   int tenant) {
        this(id, route, arrivalTime, promptTokens, outputTokens, prefix, tenant, 1, arrivalTime);
    }

    /** A first attempt of the only tenant. */
    public Request(long id, int route, double arrivalTime, int promptTokens, int outputTokens, PromptPrefix prefix) {
        this(id, route, arrivalTime, promptTokens, outputTokens, prefix, 0);
    }

    /** A first attempt of the only tenant, whose prompt shares nothing with others. */
    public Request(long id, int route, double arrivalTime, int promptTokens, int outputTokens) {
        this(id, route, arrivalTime, promptTokens, outputTokens, PromptPrefix.NONE);
    }

    /** Prompt plus output: the context the request needs at its end. */
    public int totalTokens() {
        return promptTokens + outputTokens;
    }

    /** The next attempt of the same client request, sent at {@code time}. */
    public Request retryAt(double time) {
        return new Request(id, route, time, promptTokens, outputTokens, prefix, tenant, attempt + 1,
                firstArrivalTime);
    }
}
