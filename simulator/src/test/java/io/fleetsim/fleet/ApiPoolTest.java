package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.serving.ApiServer;
import io.fleetsim.serving.ServingListener;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.spec.ApiSpec;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hosted API pools: the rate limits hold over every sliding minute, refusals happen only when a
 * limit would be exceeded, retries follow the backoff, give-ups are counted by cause, and the
 * bill is tokens times prices.
 */
class ApiPoolTest {

    private static final int RPM = 40;
    private static final long TPM = 60_000;
    private static final double TTFT = 0.4;
    private static final double SPEED = 50;
    private static final double BACKOFF = 1.5;
    private static final int MAX_ATTEMPTS = 3;

    /** One attempt of one request as the listener saw it. */
    private record Attempt(double time, String outcome) {
    }

    /**
     * A small harness around one {@link ApiServer}: Poisson arrivals at 1.5 per second (90 a
     * minute against a limit of 40) with prompts of 200-2,000 tokens, each put in the queue and the
     * server woken, as its pool does. A listener records every attempt: accepted calls (their
     * start), refusals (rate limit) and failures (API error, seen one TTFT after the call began).
     */
    private static final class Harness implements EventHandler, WorkSource, ServingListener {
        final Simulator sim = new Simulator();
        final ApiServer server;
        final ArrayDeque<Request> queue = new ArrayDeque<>();
        final Random random = new Random(12345);
        final int handler;
        final double until;
        final Map<Long, Request> requests = new HashMap<>();
        final Map<Long, List<Attempt>> attempts = new HashMap<>();
        final List<double[]> accepted = new ArrayList<>();
        final List<double[]> refused = new ArrayList<>();
        final Map<String, Integer> gaveUp = new HashMap<>();
        long billedInput;
        long billedCached;
        long billedOutput;
        long wasted;
        long completed;
        long nextId;

        Harness(double errorRate, double until) {
            this.until = until;
            ApiSpec api = new ApiSpec(0.6, 0.3, 0.9, RPM, TPM, new DurationSpec.Fixed(TTFT), SPEED, errorRate,
                    MAX_ATTEMPTS, BACKOFF, "test");
            RandomStreams streams = new RandomStreams(4);
            server = new ApiServer(sim, 0, api, streams.stream("latency"), streams.stream("errors"), this, this);
            handler = sim.register(this);
            sim.schedule(0, handler, 0);
        }

        @Override
        public void handle(long payload) {
            double now = sim.now();
            Request r = new Request(nextId++, 0, now, 200 + random.nextInt(1801), 1 + random.nextInt(400));
            requests.put(r.id(), r);
            queue.add(r);
            server.wake();
            double next = now - Math.log(1 - random.nextDouble()) / 1.5;
            if (next < until) {
                sim.schedule(next, handler, 0);
            }
        }

        @Override
        public Request peek() {
            return queue.peek();
        }

        @Override
        public Request poll() {
            return queue.poll();
        }

        private void attempt(Request r, double time, String outcome) {
            attempts.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(new Attempt(time, outcome));
            if (outcome.equals("refused")) {
                refused.add(new double[] {time, r.totalTokens()});
            } else {
                accepted.add(new double[] {time, r.totalTokens()});
            }
        }

        @Override
        public void completed(Request r, int pool, double admittedAt, double firstTokenAt, double completedAt) {
            assertEquals(TTFT, firstTokenAt - admittedAt, 1e-9);
            assertEquals((r.outputTokens() - 1) / SPEED, completedAt - firstTokenAt, 1e-9);
            attempt(r, admittedAt, "ok");
            completed++;
        }

        @Override
        public void retried(Request r, long wastedTokens) {
            wasted += wastedTokens;
            if (wastedTokens == 0) {
                attempt(r, sim.now(), "refused");
            } else {
                assertEquals(r.promptTokens(), wastedTokens, "a failed call wastes its prompt");
                attempt(r, sim.now() - TTFT, "error");
            }
        }

        @Override
        public void failed(Request r, RejectCause cause, double time) {
            gaveUp.merge(cause.id(), 1, Integer::sum);
            if (cause == RejectCause.RATE_LIMITED) {
                attempt(r, time, "refused");
                return;
            }
            // The failed last call may already have been reported as waste (retried) at this instant.
            List<Attempt> list = attempts.getOrDefault(r.id(), List.of());
            Attempt last = list.isEmpty() ? null : list.get(list.size() - 1);
            if (last == null || !last.outcome().equals("error") || last.time() != time - TTFT) {
                attempt(r, time - TTFT, "error");
            }
        }

        @Override
        public void apiUsage(Request r, int pool, long input, long cached, long output) {
            billedInput += input;
            billedCached += cached;
            billedOutput += output;
        }
    }

    /** Calls and tokens in (t - 60 s, t] among {@code calls} (time, tokens), as the provider counts a minute. */
    private static double[] window(List<double[]> calls, double t) {
        double n = 0;
        double tokens = 0;
        for (double[] c : calls) {
            if (c[0] <= t && !(c[0] <= t - 60)) {
                n++;
                tokens += c[1];
            }
        }
        return new double[] {n, tokens};
    }

    @Test
    void rateLimitsHoldOverEverySlidingMinute() {
        Harness h = new Harness(0.1, 20 * 60);
        h.sim.runUntil(40 * 60);
        assertTrue(h.refused.size() > 100, "the limits were pressed: " + h.refused.size() + " refusals");
        assertTrue(h.accepted.size() > 500, "calls made: " + h.accepted.size());

        // The most calls (tokens) in any minute is reached in a window ending at a call.
        double maxCalls = 0;
        double maxTokens = 0;
        for (double[] call : h.accepted) {
            double[] w = window(h.accepted, call[0]);
            maxCalls = Math.max(maxCalls, w[0]);
            maxTokens = Math.max(maxTokens, w[1]);
            assertTrue(w[0] <= RPM, "requests in the minute to " + call[0] + ": " + w[0]);
            assertTrue(w[1] <= TPM, "tokens in the minute to " + call[0] + ": " + w[1]);
        }
        assertEquals(RPM, maxCalls, "the request limit was reached");
        assertTrue(maxTokens > 0.8 * TPM, "the token limit was approached: " + maxTokens);

        // A refusal happens only when taking the call would break a limit.
        for (double[] refusal : h.refused) {
            double[] w = window(h.accepted, refusal[0]);
            assertTrue(w[0] + 1 > RPM || w[1] + refusal[1] > TPM,
                    "refused at " + refusal[0] + " with " + w[0] + " calls and " + w[1] + " tokens in the minute");
        }
    }

    @Test
    void retriesFollowTheBackoffAndGiveUpsAreCountedByCause() {
        Harness h = new Harness(0.15, 20 * 60);
        h.sim.runUntil(40 * 60);
        assertTrue(h.gaveUp.getOrDefault("rate_limited", 0) > 0, "gave up on the rate limit");
        assertTrue(h.gaveUp.getOrDefault("api_error", 0) > 0, "gave up on errors");
        long errorsRetried = 0;
        long wastedExpected = 0;
        for (var e : h.attempts.entrySet()) {
            Request r = h.requests.get(e.getKey());
            List<Attempt> list = e.getValue();
            assertTrue(list.size() <= MAX_ATTEMPTS, "attempts of request " + r.id() + ": " + list);
            // The first attempt is made on arrival; attempt k+1 follows attempt k's refusal (or its
            // failure, one TTFT after it began) by backoff x 2^(k-1).
            assertEquals(r.arrivalTime(), list.get(0).time(), 1e-9);
            for (int k = 1; k < list.size(); k++) {
                Attempt prev = list.get(k - 1);
                assertTrue(!prev.outcome().equals("ok"), "no attempt after a success");
                double seen = prev.outcome().equals("error") ? prev.time() + TTFT : prev.time();
                assertEquals(seen + BACKOFF * Math.pow(2, k - 1), list.get(k).time(), 1e-9,
                        "request " + r.id() + " attempts " + list);
            }
            Attempt last = list.get(list.size() - 1);
            assertTrue(last.outcome().equals("ok") || list.size() == MAX_ATTEMPTS,
                    "given up early: " + list);
            for (Attempt a : list) {
                if (a.outcome().equals("error")) {
                    wastedExpected += r.promptTokens();
                    if (a != last) {
                        errorsRetried++;
                    }
                }
            }
        }
        assertTrue(errorsRetried > 0);
        long outcomes = h.completed + h.gaveUp.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(h.requests.size(), outcomes, "every request completed or was given up on");
        // Failed attempts waste their prompt tokens, the last one of a given-up request included.
        assertEquals(wastedExpected, h.wasted, "failed_attempts waste");
    }

    @Test
    void apiSpendIsBilledTokensTimesPricesWithoutOverhead() {
        RunResult r = Simulation.run(FleetHarness.scenario("""
                name: api-bill
                seed: 21
                horizon: 30m
                economics: {overhead_multiplier: 1.5}
                workload:
                  arrivals: {process: poisson, rate_per_s: 3}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: lognormal, median: 700, p99: 6000, max: 32000}
                      output_tokens: {dist: lognormal, median: 250, p99: 1500, max: 4096}
                      slo: {ttft: 1s, tpot: 60ms}
                      pool: api
                pools:
                  - name: api
                    kind: api
                    api: {usd_per_mtok_input: 0.6, usd_per_mtok_output: 0.9, requests_per_minute: 150,
                          tokens_per_minute: 400000, ttft: {dist: exponential, mean: 500ms},
                          output_tokens_per_s: 60, error_rate: 0.05, max_attempts: 2, backoff: 2s}
                """));
        PoolResult api = r.pools().get(0);
        long input = r.tokens().input();
        long output = r.tokens().output();
        assertEquals(0, r.tokens().cachedInput(), "no shared prefixes in this workload");
        assertEquals(input * 0.6 / 1e6, api.costByStateUsd().get("api_input"), 1e-12);
        assertEquals(output * 0.9 / 1e6, api.costByStateUsd().get("api_output"), 1e-12);
        assertEquals(0, api.costByStateUsd().get("api_cached_input"), 1e-12);
        // Only completed calls are billed (tokens counts completed requests), and API tokens carry
        // no overhead multiplier.
        assertEquals(input * 0.6 / 1e6 + output * 0.9 / 1e6, api.costUsd(), 1e-9);
        assertEquals(api.costUsd(), r.costUsd(), 1e-9);
        assertEquals(0, api.gpuHours(), 0);
        RequestCounts c = r.requests();
        assertTrue(c.rejectedByCause().getOrDefault("rate_limited", 0L) > 0, "rate-limited give-ups counted");
        assertTrue(c.rejectedByCause().getOrDefault("api_error", 0L) > 0, "error give-ups counted");
        assertEquals(c.arrived(), c.completed() + c.rejected() + c.inFlightAtEnd());
        assertTrue(r.tokens().wasted().get("failed_attempts") > 0);
    }
}
