package io.fleetsim.serving;

import io.fleetsim.workload.Request;

/**
 * A request inside one replica: its progress through prefill and decode, owned by that replica.
 * After a preemption it is prefilled again up to {@link #target} (prompt plus the tokens it had
 * already generated) and then decodes the rest.
 */
final class Sequence {

    final Request request;
    final double admittedAt;
    long order;
    int target;
    int prefilled;
    /** Of {@link #prefilled}, the tokens found in the prefix cache at admission (0 after a preemption). */
    int cachedTokens;
    int chunk;
    long prefillBlocks;
    double firstTokenAt = Double.NaN;
    long finishIteration;
    long decodeOffset;
    /** Iteration its current decode stretch began, and the output tokens that stretch produces. */
    long decodeFrom;
    int decodeTokens;
    /** Expected tokens a decode step adds to it (1 without speculative decoding), set as each stretch starts. */
    double tokensPerStep = 1;
    /** KV blocks held for the tokens a speculative stretch accepts beyond one per step (0 otherwise). */
    long surplusBlocks;
    /** Requests in service at its replica when the replica took it, itself included (0 until then). */
    int inServiceAtAdmission;

    Sequence(Request request, double admittedAt, long order) {
        this.request = request;
        this.admittedAt = admittedAt;
        this.order = order;
        this.target = request.promptTokens();
    }

    int prefillRemaining() {
        return target - prefilled;
    }

    /**
     * Output tokens produced so far, for a decoding sequence at {@code iteration} that gains
     * {@code tokensPerStep} tokens a step (1 without speculative decoding).
     */
    int generatedAt(long iteration, double tokensPerStep) {
        long left = (long) Math.ceil((finishIteration - iteration) * tokensPerStep);
        return (int) (request.outputTokens() - Math.min(decodeTokens, left));
    }
}
