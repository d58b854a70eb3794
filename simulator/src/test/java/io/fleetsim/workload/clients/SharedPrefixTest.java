package io.fleetsim.workload.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shared system prompts ({@code prefix} on a route): requests that begin with one skip its
 * prefill on a replica that has it cached. One user sends one request at a time, so every request
 * is prefilled alone and its TTFT is one iteration, computed with {@link StepTimeModel}.
 */
class SharedPrefixTest {

    private static final String SCENARIO = """
            name: prefix
            seed: 3
            horizon: 100s
            workload:
              arrivals: {process: closed_loop, users: 1, think_time: {dist: fixed, value: 10s}}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 2000}
                  output_tokens: {dist: fixed, tokens: 10}
                  slo: {ttft: 1h, tpot: 1h}
                  prefix: {tokens: 1024, share: 1, variants: 1}
            pools:
              - name: llm
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 2
                # the roofline, whose attention work adds up exactly (checked below)
                performance: {step_time: roofline}
            """;

    @Test
    void theSecondRequestSkipsThePrefillOfTheCachedPrefix() {
        ClientWorld w = ClientWorld.withTraffic(SCENARIO, 100);
        ServerSpec.Llm llm = (ServerSpec.Llm) w.spec.pools().get(0).server();
        StepTimeModel steps = PatienceTest.steps(w);
        double t = 0;
        while (w.outcomes.isEmpty()) {
            w.runUntil(t += 0.5);
        }
        double ttft1 = w.route("chat").latencies().ttft().meanMs() / 1e3;
        // The first request prefills all 2,000 tokens in one iteration (the budget is 8,192).
        double cold = steps.iterationSeconds(2000, 0, 0);
        assertEquals(cold, ttft1, 1e-12 * cold);
        assertEquals(0, w.tokens().cachedInput());

        w.runUntil(100);
        long n = w.sent.size();
        assertTrue(n >= 9 && n <= 11, n + " requests");
        for (Request r : w.sent) {
            assertEquals(1024, r.prefix().tokens());
        }
        // Every later one finds the 1,024 prefix tokens cached and prefills the other 976, reading the
        // cached ones as context.
        double warm = steps.iterationSeconds(976, StepTimeModel.prefillContext(1024, 976), 0, 0, 1024);
        double mean = w.route("chat").latencies().ttft().meanMs() / 1e3;
        assertEquals(cold + (n - 1) * warm, mean * n, 1e-9);
        // Both are compute-bound and attention context adds up, so the saving is exactly the compute of
        // prefilling the 1,024 cached tokens from scratch (without the per-iteration overhead).
        double prefillOfCached = steps.iterationSeconds(1024, 0, 0) - llm.performance().iterationOverheadSeconds();
        assertEquals(prefillOfCached, cold - warm, 1e-12);
        assertTrue(cold - warm > 0.4 * cold);
        assertEquals((n - 1) * 1024, w.tokens().cachedInput());
    }

    @Test
    void reportedHitRateIsTheShareOfPromptTokensServedFromTheCache() {
        RunResult r = Simulation.run(ClientWorld.scenario(SCENARIO));
        long n = r.requests().arrived();
        assertTrue(n >= 9, n + " requests");
        assertEquals(n, r.requests().completed());
        // All but the first request hit 1,024 of their 2,000 prompt tokens.
        double expected = (n - 1) * 1024.0 / (n * 2000.0);
        assertEquals(expected, r.prefixCacheHitRate(), 1e-12);
        assertEquals(expected, r.routes().get(0).prefixCacheHitRate(), 1e-12);
        assertEquals((n - 1) * 1024, r.tokens().cachedInput());

        RunResult none = Simulation.run(ClientWorld.scenario(SCENARIO.replace("share: 1,", "share: 0,")));
        assertEquals(0, none.prefixCacheHitRate());
        assertEquals(0, none.tokens().cachedInput());
        assertEquals(n, none.requests().arrived(), "the prefix does not change the traffic");
    }

    @Test
    void aPartialShareWithSeveralVariantsHitsOnceEachVariantIsCached() {
        // One request a second for 30 minutes; half of them begin with one of two system prompts.
        String yaml = SCENARIO.replace("horizon: 100s", "horizon: 30m").replace("value: 10s", "value: 1s")
                .replace("share: 1, variants: 1", "share: 0.5, variants: 2");
        ClientWorld w = ClientWorld.withTraffic(yaml, 1800);
        w.runUntil(1800);
        long n = w.sent.size();
        assertTrue(n > 1000, n + " requests");
        Map<Long, Long> byVariant = w.sent.stream().filter(r -> !r.prefix().isEmpty())
                .collect(Collectors.groupingBy(r -> r.prefix().blockHashes()[0], Collectors.counting()));
        assertEquals(2, byVariant.size());
        long withPrefix = byVariant.values().stream().mapToLong(Long::longValue).sum();
        // Binomial(n, 0.5) within 4 standard deviations, and each variant half of those.
        assertEquals(0.5 * n, withPrefix, 4 * Math.sqrt(n * 0.25));
        for (long k : byVariant.values()) {
            assertEquals(0.5 * withPrefix, k, 4 * Math.sqrt(withPrefix * 0.25));
        }
        // Each variant misses once, then always hits.
        long admitted = w.requests().completed() + w.requests().inFlightAtEnd();
        assertEquals(n, admitted);
        assertEquals((withPrefix - 2) * 1024, w.tokens().cachedInput());
        assertEquals((withPrefix - 2) * 1024.0 / (n * 2000.0), w.metrics.fleetTotals().prefixCacheHitRate(), 1e-12);
    }
}
