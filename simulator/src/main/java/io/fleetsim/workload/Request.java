package io.fleetsim.workload;

/**
 * One client request, as it arrives. Requests are data, not events.
 *
 * @param id           arrival order, from 0
 * @param route        index of its route in the scenario
 * @param arrivalTime  simulated seconds
 * @param promptTokens input length
 * @param outputTokens output length it will generate if served to the end
 * @param prefix       the shareable beginning of its prompt, for prefix caching
 */
public record Request(long id, int route, double arrivalTime, int promptTokens, int outputTokens,
                      PromptPrefix prefix) {

    /** A request whose prompt shares nothing with others. */
    public Request(long id, int route, double arrivalTime, int promptTokens, int outputTokens) {
        this(id, route, arrivalTime, promptTokens, outputTokens, PromptPrefix.NONE);
    }

    /** Prompt plus output: the context the request needs at its end. */
    public int totalTokens() {
        return promptTokens + outputTokens;
    }
}
