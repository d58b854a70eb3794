package io.fleetsim.validation;

import io.fleetsim.workload.Request;

/**
 * What a benchmark client reports of the requests it measures, as vLLM's, GuideLLM's and AIPerf's
 * clients compute it: per request TTFT = first token - send time and TPOT = (end to end - TTFT) /
 * (output tokens - 1), then the mean of each. One definition for the closed and the open loop.
 */
final class ClientTally {

    private final int outputTokens;
    private final long expected;
    private long done;
    private double ttftSum;
    private double tpotSum;

    /** A tally of {@code expected} requests of {@code outputTokens} output tokens each. */
    ClientTally(int outputTokens, long expected) {
        this.outputTokens = outputTokens;
        this.expected = expected;
    }

    /** Records one measured request; true when it was the last one expected. */
    boolean record(Request request, double firstTokenAt, double completedAt) {
        double ttft = firstTokenAt - request.arrivalTime();
        ttftSum += ttft;
        if (outputTokens > 1) {
            tpotSum += (completedAt - request.arrivalTime() - ttft) / (outputTokens - 1);
        }
        return ++done == expected;
    }

    /** The means; an error when not every expected request ended. */
    SimulatedLatency latency(long events) {
        if (done != expected) {
            throw new IllegalStateException("only " + done + " of " + expected + " measured requests ended");
        }
        return new SimulatedLatency(ttftSum / expected, outputTokens > 1 ? tpotSum / expected : Double.NaN, expected,
                events);
    }
}
