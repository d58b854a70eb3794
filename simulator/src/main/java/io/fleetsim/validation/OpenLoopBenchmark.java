package io.fleetsim.validation;

import io.fleetsim.random.RandomStream;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.serving.Server;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;

/**
 * A benchmark client sending requests at a rate against one simulated replica, whatever the
 * replica's state, as {@code vllm bench serve --request-rate R} (gaps exponential: a Poisson
 * process) or GuideLLM's {@code constant} mode (equal gaps) run it. The first
 * {@link #WARM_UP} requests are discarded, the next {@link #MEASURED} are measured, as
 * {@link ClosedLoopBenchmark} measures them. Gaps are drawn from a stream seeded with
 * {@value #SEED}, so a run is deterministic.
 */
public final class OpenLoopBenchmark {

    /** Requests discarded before measuring. */
    public static final int WARM_UP = 50;
    /** Requests measured. */
    public static final int MEASURED = 200;
    /** Seed of the gaps. */
    public static final long SEED = 1;

    private OpenLoopBenchmark() {
    }

    /**
     * Sends {@code ratePerSecond} requests a second to one replica of {@code server}, each reaching
     * the engine {@code requestLatencySeconds} after it is sent, plus the server's request latency per
     * request in flight ({@link io.fleetsim.spec.PerformanceSpec#requestLatencyPerInFlightSeconds}).
     */
    public static SimulatedLatency run(ServerSpec.Llm server, double ratePerSecond, boolean poisson, int promptTokens,
                                       int outputTokens, double requestLatencySeconds) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("need a rate > 0, got " + ratePerSecond);
        }
        return new Driver(server, ratePerSecond, poisson, promptTokens, outputTokens, requestLatencySeconds).run();
    }

    /** The sender, the queue in front of the replica and the tally. */
    private static final class Driver extends SendingClient {
        private final RandomStream gaps = new RandomStreams(SEED).stream("arrivals");
        private final double meanGap;
        private final boolean poisson;
        private final ClientTally tally;

        Driver(ServerSpec.Llm server, double rate, boolean poisson, int promptTokens, int outputTokens,
               double requestLatency) {
            super(requestLatency, server.performance().requestLatencyPerInFlightSeconds(), promptTokens, outputTokens);
            this.meanGap = 1 / rate;
            this.poisson = poisson;
            this.tally = new ClientTally(outputTokens, MEASURED);
            this.replica = new LlmReplica(sim, 0, server, this, this);
            register();
        }

        SimulatedLatency run() {
            sendAt(0);
            sim.runUntil(Double.POSITIVE_INFINITY);
            return tally.latency(sim.eventsProcessed());
        }

        /** The next request at the rate's gap, until the warm-up and the measured ones are sent. */
        @Override
        void onSend() {
            send();
            if (sent < WARM_UP + MEASURED) {
                double gap = poisson ? gaps.nextExponential(meanGap) : meanGap;
                sendAt(sim.now() + gap);
            }
        }

        @Override
        public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt) {
            ended();
            if (request.id() >= WARM_UP && tally.record(request, firstTokenAt, completedAt)) {
                sim.stop();
            }
        }

        @Override
        public void serverIdle(Server server) {
        }
    }
}
