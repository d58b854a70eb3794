package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.engine.Simulator;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.TrafficGenerator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One server (an {@link LlmReplica} or a {@link DisaggregatedServer}) behind a FCFS queue that
 * behaves as {@code fleet.Pool#submit} does for a single replica: an arrival joins the back of the
 * queue and wakes the server when it is idle or has room. Arrivals run at
 * {@link TrafficGenerator#ARRIVAL_PRIORITY}, as real arrivals do. Records what the server reports
 * to its listener, for tests to check against hand computations.
 *
 * @param <S> the server under test
 */
final class ServerHarness<S extends Server> implements WorkSource, ServingListener {

    /** What the server reported about one request. */
    record Done(Request request, double admittedAt, double firstTokenAt, double completedAt) {
    }

    final Simulator sim = new Simulator();
    final ArrayDeque<Request> queue = new ArrayDeque<>();
    final List<Request> pending = new ArrayList<>();
    final List<Done> done = new ArrayList<>();
    /** Preemptions: request id, discarded tokens, time. */
    final List<double[]> preemptions = new ArrayList<>();
    /** The first token's time of each request, by id. */
    final Map<Long, Double> firstTokens = new HashMap<>();
    final Map<Long, Integer> transfersOf = new HashMap<>();
    final List<Double> transferSeconds = new ArrayList<>();
    final List<Double> transferArrivals = new ArrayList<>();
    /** Speculative decoding steps: proposed and accepted draft tokens. */
    final List<long[]> drafts = new ArrayList<>();
    double transferBytes;
    double prefillSeconds;
    double decodeSeconds;
    long gapTokens;
    final S server;
    /** The step times of an LLM replica's spec, for hand checks; null for a disaggregated server. */
    final StepTimeModel steps;
    private final int arrivalHandler;

    private ServerHarness(Function<ServerHarness<S>, S> build, StepTimeModel steps) {
        server = build.apply(this);
        this.steps = steps;
        arrivalHandler = sim.register(index -> {
            Request r = pending.get((int) index);
            assertTrue(server.accepts(r));
            queue.add(r);
            if (server.isIdle() || server.hasRoomFor(r)) {
                server.wake();
            }
        });
    }

    /** One LLM replica of {@code spec}. */
    static ServerHarness<LlmReplica> replica(ServerSpec.Llm spec) {
        return new ServerHarness<>(h -> new LlmReplica(h.sim, 0, spec, h, h),
                new RooflineStepTime(spec.memory(), spec.performance()));
    }

    /** One disaggregated deployment of {@code spec}. */
    static ServerHarness<DisaggregatedServer> disaggregated(ServerSpec.Disaggregated spec) {
        return new ServerHarness<>(h -> new DisaggregatedServer(h.sim, 0, spec, h, h), null);
    }

    /** Schedules an arrival; returns its id (also its index in {@link #pending}). */
    int arrive(double time, int prompt, int output) {
        int id = pending.size();
        pending.add(new Request(id, 0, time, prompt, output));
        sim.schedule(time, TrafficGenerator.ARRIVAL_PRIORITY, arrivalHandler, id);
        return id;
    }

    /** Runs until everything is served, and checks that it was and that the server is empty. */
    ServerHarness<S> run() {
        sim.runUntil(1e7);
        assertEquals(pending.size(), done.size(), "every request should complete");
        assertTrue(server.isIdle());
        assertEquals(0, server.inService());
        return this;
    }

    Done of(long id) {
        return done.stream().filter(d -> d.request.id() == id).findFirst().orElseThrow();
    }

    /** Largest number of requests admitted and not yet completed at any one time. */
    int peakConcurrency() {
        return (int) peak(d -> 1);
    }

    /** Largest sum of prompt + output tokens reserved at any one time. */
    long peakReservedTokens() {
        return peak(d -> d.request.totalTokens());
    }

    private long peak(ToLongFunction<Done> weight) {
        List<double[]> edges = new ArrayList<>();
        for (Done d : done) {
            edges.add(new double[] {d.admittedAt, weight.applyAsLong(d)});
            edges.add(new double[] {d.completedAt, -weight.applyAsLong(d)});
        }
        // Releases before admissions at the same instant (the server frees, then admits).
        edges.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        long level = 0;
        long peak = 0;
        for (double[] e : edges) {
            level += (long) e[1];
            peak = Math.max(peak, level);
        }
        return peak;
    }

    @Override
    public Request peek() {
        return queue.peek();
    }

    @Override
    public Request poll() {
        return queue.poll();
    }

    @Override
    public int waiting() {
        return queue.size();
    }

    @Override
    public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt) {
        assertEquals(sim.now(), completedAt);
        done.add(new Done(request, admittedAt, firstTokenAt, completedAt));
    }

    @Override
    public void firstToken(Request request, double time) {
        assertEquals(null, firstTokens.put(request.id(), time), "one first token per request");
    }

    @Override
    public void preempted(Request request, int pool, long discardedTokens) {
        preemptions.add(new double[] {request.id(), discardedTokens, sim.now()});
    }

    @Override
    public void kvTransferred(int pool, Request request, double seconds, double bytes) {
        transfersOf.merge(request.id(), 1, Integer::sum);
        transferSeconds.add(seconds);
        transferArrivals.add(sim.now());
        transferBytes += bytes;
    }

    @Override
    public void computeTime(int pool, double prefill, double decode) {
        prefillSeconds += prefill;
        decodeSeconds += decode;
    }

    @Override
    public void speculated(Request request, long proposed, long accepted) {
        drafts.add(new long[] {proposed, accepted});
    }

    @Override
    public void tokenGaps(double seconds, long count) {
        gapTokens += count;
    }
}
