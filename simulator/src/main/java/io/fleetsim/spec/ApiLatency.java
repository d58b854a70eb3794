package io.fleetsim.spec;

import java.util.List;

/**
 * How long a hosted API takes to answer a call: its time to first token and its output speed
 * after the first token, either modelled or resampled from measured calls.
 */
public sealed interface ApiLatency permits ApiLatency.Modelled, ApiLatency.Measured {

    /**
     * The latency of one call.
     *
     * @param ttftSeconds           time to first token
     * @param outputTokensPerSecond generation speed after the first token
     */
    record Sample(double ttftSeconds, double outputTokensPerSecond) {
    }

    /**
     * A TTFT distribution and one output speed for every call.
     *
     * @param ttft                  time to first token
     * @param outputTokensPerSecond generation speed after the first token
     */
    record Modelled(DurationSpec ttft, double outputTokensPerSecond) implements ApiLatency {
    }

    /**
     * Calls measured against the API (an LLMPerf run): each call takes the TTFT and output speed of
     * one measured successful call drawn uniformly, so the two keep their joint distribution.
     *
     * @param calls             the successful measured calls, at least one
     * @param measuredErrorRate share of the measured calls that failed (not applied: the pool's
     *                          {@code error_rate} decides failures)
     * @param source            the file the calls come from
     */
    record Measured(List<Sample> calls, double measuredErrorRate, String source) implements ApiLatency {

        public Measured {
            calls = List.copyOf(calls);
        }
    }
}
