package io.fleetsim.serving;

import java.util.ArrayDeque;

/**
 * Sliding one-minute windows on requests and tokens, as hosted APIs enforce them: a call is let
 * through only if the calls and tokens of the last 60 seconds, plus this one, stay within both
 * limits. Memory is bounded by the limits themselves.
 */
final class RateLimiter {

    private static final double WINDOW = 60;

    private final int requestsPerMinute;
    private final long tokensPerMinute;
    private final ArrayDeque<double[]> calls = new ArrayDeque<>();
    private long tokensInWindow;

    /** Limits of 0 mean "no limit". */
    RateLimiter(int requestsPerMinute, long tokensPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
    }

    /** Takes a call of {@code tokens} at {@code now} if both limits allow it. */
    boolean tryAcquire(double now, long tokens) {
        while (!calls.isEmpty() && calls.peekFirst()[0] <= now - WINDOW) {
            tokensInWindow -= (long) calls.pollFirst()[1];
        }
        if (requestsPerMinute > 0 && calls.size() + 1 > requestsPerMinute) {
            return false;
        }
        if (tokensPerMinute > 0 && tokensInWindow + tokens > tokensPerMinute) {
            return false;
        }
        calls.addLast(new double[] {now, tokens});
        tokensInWindow += tokens;
        return true;
    }
}
