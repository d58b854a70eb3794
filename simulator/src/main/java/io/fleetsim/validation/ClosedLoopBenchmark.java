package io.fleetsim.validation;

import io.fleetsim.engine.Simulator;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.serving.Server;
import io.fleetsim.serving.ServingListener;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;

/**
 * A benchmark client run against one simulated replica, as {@code vllm bench serve
 * --max-concurrency C}, GuideLLM's concurrent mode or AIPerf's concurrency mode run it: {@code C}
 * clients each send their next request the moment the previous one ends (no think time), every
 * request with the same prompt and output length.
 *
 * <p>The clients' first requests are spread evenly over one estimated request time
 * ({@link #startSpreadSeconds}) rather than sent together. A real benchmark starts in lockstep but
 * drifts out of it (output lengths, tokenisation and network timing all vary a little), so what it
 * measures over many requests is the loop's steady state, where requests start at evenly spread
 * times. A deterministic simulation started in lockstep stays in waves, since with fixed lengths
 * requests that decode in the same iterations end together: with separate prefill batches
 * (SGLang) every wave of {@code C} prompts prefills while decoding pauses, and under mixed
 * batching the first wave splits into groups of about one token budget of prompts, one iteration
 * apart, which keep their spacing. Measured, that is further from real benchmarks: a steady state
 * started in lockstep (or spread over half or a fifth of a request time) predicts the shared
 * end-to-end set's TTFT worse under cross-validation by deployment (median error 37.7 %, 29.2 %
 * and 34.8 % against 27.3 %; docs/validation.md, "TTFT under load"). Spreading the starts puts
 * the loop in its steady state from the beginning.
 *
 * <p>What is measured is what those clients report: per request the time to first token (TTFT,
 * from sending to the first token) and the time per output token
 * {@code TPOT = (end to end - TTFT) / (output tokens - 1)}; then the mean of each over requests.
 * The first {@link #WARM_UP_PER_CLIENT} requests of each client are a warm-up and are not
 * counted: they see an emptier server than later ones. Then requests are counted in the order
 * they are sent, {@link #MIN_MEASURED_PER_CLIENT} per client or more when there are few clients,
 * so that at least {@link #MIN_MEASURED} are counted (a fit uses shorter runs, {@link Length#FIT}), and the clients keep sending until every counted
 * request has ended, so the load stays at {@code C} throughout.
 *
 * <p>A request may reach the engine some time after it is sent (the request latency: HTTP,
 * tokenisation and the engine's front end; a constant and a time per request in flight, so with
 * {@code C} clients {@code C} of them), which the client's TTFT and end-to-end time include and its
 * TPOT does not.
 *
 * <p>The run is deterministic: lengths are fixed and nothing is drawn at random.
 */
public final class ClosedLoopBenchmark {

    /** Requests per client discarded before measuring (validation). */
    public static final int WARM_UP_PER_CLIENT = 2;
    /** Fewest requests measured in a run (validation). */
    public static final int MIN_MEASURED = 64;
    /** Fewest requests measured per client (validation). */
    public static final int MIN_MEASURED_PER_CLIENT = 2;

    /**
     * How many requests a run discards and measures.
     *
     * @param warmUpPerClient      requests per client discarded before measuring
     * @param minMeasured          fewest requests measured in a run
     * @param minMeasuredPerClient fewest requests measured per client
     */
    public record Length(int warmUpPerClient, int minMeasured, int minMeasuredPerClient) {

        /** What {@code validate-model} and reported errors use. */
        public static final Length VALIDATION = new Length(WARM_UP_PER_CLIENT, MIN_MEASURED, MIN_MEASURED_PER_CLIENT);
        /**
         * Shorter runs for the many simulations of a fit: the fitted parameters are then scored
         * with {@link #VALIDATION} runs.
         */
        public static final Length FIT = new Length(1, 16, 1);

        /** Requests measured per client for {@code clients} clients. */
        public int measuredPerClient(int clients) {
            return Math.max(minMeasuredPerClient, (minMeasured + clients - 1) / clients);
        }
    }
    /** Requests per client a run may send beyond the measured ones while the last of those finish. */
    private static final int TAIL_PER_CLIENT = 3;

    private ClosedLoopBenchmark() {
    }


    /**
     * One request's estimated time from sending to its last token under {@code clients} clients:
     * {@code osl} iterations of the steady state, each decoding every running sequence and
     * prefilling the share of a prompt that keeps the loop going ({@code running x isl / osl}
     * tokens, within the token budget), with the KV cache half way through the outputs.
     */
    public static double startSpreadSeconds(ServerSpec.Llm server, int clients, int promptTokens,
                                            int outputTokens) {
        StepTimeModel steps = StepTimeModels.of(server);
        int running = Math.min(clients, server.batching().maxNumSeqs());
        int budget = Math.max(1, server.batching().maxBatchedTokens() - running);
        int prefill = (int) Math.min(budget, Math.max(1, Math.round((double) running * promptTokens / outputTokens)));
        double kv = running * (promptTokens + outputTokens / 2.0);
        return outputTokens * steps.iterationSeconds(prefill, running, kv);
    }

    /**
     * The first wave of a benchmark: all {@code clients} send at time 0 to an empty replica (as
     * {@code vllm bench serve} and its kin start), and the wave's {@code clients} requests are
     * measured while each client goes on sending, so the load stays at {@code clients} until
     * the wave has ended.
     */
    public static SimulatedLatency firstWave(ServerSpec.Llm server, int clients, int promptTokens, int outputTokens,
                                             double requestLatencySeconds) {
        if (clients < 1) {
            throw new IllegalArgumentException("need at least one client, got " + clients);
        }
        return firstWave(replicaOf(server), clients, promptTokens, outputTokens, requestLatencySeconds,
                server.performance().requestLatencyPerInFlightSeconds());
    }

    /**
     * As {@link #firstWave(ServerSpec.Llm, int, int, int, double)}, against the server {@code servers}
     * builds, the request latency growing by {@code perInFlightSeconds} per request in flight.
     */
    public static SimulatedLatency firstWave(ServerFactory servers, int clients, int promptTokens, int outputTokens,
                                             double requestLatencySeconds, double perInFlightSeconds) {
        if (clients < 1) {
            throw new IllegalArgumentException("need at least one client, got " + clients);
        }
        return new Driver(servers, clients, promptTokens, outputTokens, new Length(0, 0, 1), requestLatencySeconds,
                perInFlightSeconds).run(0);
    }

    /** Builds the one server a benchmark runs against, in its simulator, fed from its queue. */
    @FunctionalInterface
    public interface ServerFactory {
        /** The server, pulling from {@code source} and telling {@code listener} what it does. */
        Server build(Simulator sim, WorkSource source, ServingListener listener);
    }

    private static ServerFactory replicaOf(ServerSpec.Llm server) {
        return (sim, source, listener) -> new LlmReplica(sim, 0, server, source, listener);
    }

    /**
     * Runs {@code clients} clients against one replica of {@code server}, every request of
     * {@code promptTokens} in and {@code outputTokens} out; the replica must be able to serve
     * such a request ({@link LlmReplica#fits}).
     */
    public static SimulatedLatency run(ServerSpec.Llm server, int clients, int promptTokens, int outputTokens) {
        return run(server, clients, promptTokens, outputTokens, Length.VALIDATION, 0);
    }

    /**
     * As {@link #run(ServerSpec.Llm, int, int, int)}, discarding and measuring as {@code length}
     * says, each request reaching the engine {@code requestLatencySeconds} after it is sent.
     */
    public static SimulatedLatency run(ServerSpec.Llm server, int clients, int promptTokens, int outputTokens,
                                       Length length, double requestLatencySeconds) {
        if (clients < 1) {
            throw new IllegalArgumentException("need at least one client, got " + clients);
        }
        Driver d = new Driver(replicaOf(server), clients, promptTokens, outputTokens, length, requestLatencySeconds,
                server.performance().requestLatencyPerInFlightSeconds());
        return d.run(startSpreadSeconds(server, clients, promptTokens, outputTokens));
    }

    /**
     * As {@link #run(ServerSpec.Llm, int, int, int, Length, double)}, against the server
     * {@code servers} builds, the request latency growing by {@code perInFlightSeconds} per request
     * in flight, the clients' first requests spread over {@code spreadSeconds}.
     */
    public static SimulatedLatency run(ServerFactory servers, int clients, int promptTokens, int outputTokens,
                                       Length length, double requestLatencySeconds, double perInFlightSeconds,
                                       double spreadSeconds) {
        if (clients < 1) {
            throw new IllegalArgumentException("need at least one client, got " + clients);
        }
        return new Driver(servers, clients, promptTokens, outputTokens, length, requestLatencySeconds,
                perInFlightSeconds).run(spreadSeconds);
    }

    /** The clients, the queue in front of the replica and the tally of what they measured. */
    private static final class Driver extends SendingClient {
        private final int clients;
        private final long firstMeasured;
        private final long endMeasured;
        private final long maxSent;
        private final ClientTally tally;

        Driver(ServerFactory servers, int clients, int promptTokens, int outputTokens, Length length,
               double requestLatency, double perInFlight) {
            super(requestLatency, perInFlight, promptTokens, outputTokens);
            this.clients = clients;
            int measured = length.measuredPerClient(clients);
            this.firstMeasured = (long) length.warmUpPerClient() * clients;
            this.endMeasured = firstMeasured + (long) measured * clients;
            this.tally = new ClientTally(outputTokens, endMeasured - firstMeasured);
            this.maxSent = endMeasured + (long) TAIL_PER_CLIENT * clients;
            this.replica = servers.build(sim, this, this);
            register();
        }

        SimulatedLatency run(double spread) {
            for (int c = 0; c < clients; c++) {
                sendAt(spread * c / clients);
            }
            sim.runUntil(Double.POSITIVE_INFINITY);
            return tally.latency(sim.eventsProcessed());
        }

        /** A client sends its next request, unless the benchmark has sent all it sends. */
        @Override
        void onSend() {
            if (sent < maxSent) {
                send();
            }
        }

        @Override
        public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt) {
            ended();
            if (request.id() >= firstMeasured && request.id() < endMeasured
                    && tally.record(request, firstTokenAt, completedAt)) {
                sim.stop();
                return;
            }
            // The client sends its next request at once; as an arrival event, so that the replica
            // has finished its step and re-plans with the new request (as a pool's arrivals do).
            sendAt(completedAt);
        }

        @Override
        public void serverIdle(Server server) {
        }
    }
}
