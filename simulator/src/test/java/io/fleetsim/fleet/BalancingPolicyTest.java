package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The balancing policies inside a pool. Four replicas of Llama 3.1 8B with small KV caches (about
 * 26k tokens each, so a replica keeps only a few of the 8 system prompts of 4,000 tokens), and
 * traffic whose prompts start with one of them: every policy must serve every request, and
 * sending each request where its system prompt is cached must hit the prefix cache far more often
 * than round-robin, which spreads every prompt over every replica.
 */
class BalancingPolicyTest {

    private static RunResult run(String balancing) {
        String text = """
                name: balancing
                seed: 11
                horizon: 10m
                workload:
                  arrivals: {process: poisson, rate_per_s: 3}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 4500}
                      output_tokens: {dist: fixed, tokens: 50}
                      slo: {ttft: 5s, tpot: 200ms}
                      prefix: {tokens: 4000, share: 1, variants: 8}
                pools:
                  - name: p
                    kind: reserved
                    replicas: 4
                    gpu: H100-SXM-80GB
                    model: llama-3.1-8b
                    max_model_len: 8192
                    memory_utilization: 0.25
                    usd_per_gpu_hour: 1
                    balancing: %s
                """.formatted(balancing);
        ScenarioSpec spec = new ScenarioLoader().bind(SpecDocument.parse(text, "balancing.yaml", false));
        return Simulation.run(spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"central_queue", "round_robin", "least_outstanding_tokens", "power_of_two",
        "prefix_aware"})
    void everyPolicyServesEveryRequest(String policy) {
        RunResult r = run(policy);
        assertTrue(r.requests().arrived() > 1500, "traffic: " + r.requests().arrived());
        assertEquals(r.requests().arrived(), r.requests().completed() + r.requests().inFlightAtEnd());
        assertTrue(r.requests().inFlightAtEnd() < 50, policy + ": " + r.requests());
    }

    @Test
    void prefixAwareHitsTheCacheMoreThanRoundRobin() {
        double aware = run("prefix_aware").prefixCacheHitRate();
        double spread = run("round_robin").prefixCacheHitRate();
        assertTrue(aware > spread + 0.1, "prefix-aware " + aware + " vs round-robin " + spread);
    }
}
