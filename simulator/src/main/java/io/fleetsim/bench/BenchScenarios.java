package io.fleetsim.bench;

import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.ScenarioVariant;
import java.math.BigDecimal;

/**
 * The workloads of the speed suite that are not shipped scenario files: steady chat traffic (the
 * benchmark day's lengths, without its diurnal swing) on fleets of Llama 3.1 8B replicas on one
 * H100 each, sized so that two fleets can be compared at equal request count and equal load per
 * replica; and BLIS's own default workload (one replica, 512 prompt and 256 output tokens,
 * Poisson arrivals).
 */
public final class BenchScenarios {

    private BenchScenarios() {
    }

    /**
     * {@code replicas} replicas taking Poisson chat traffic at {@code ratePerSecond} for
     * {@code horizonSeconds}.
     */
    public static ScenarioSpec steadyChat(int replicas, double ratePerSecond, double horizonSeconds) {
        String text = """
                name: bench-steady-chat-%d
                seed: 1
                horizon: %ss
                workload:
                  arrivals: {process: poisson, rate_per_s: %s}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: lognormal, median: 700, p99: 6000, max: 32000}
                      output_tokens: {dist: lognormal, median: 250, p99: 1500, max: 4096}
                      slo: {ttft: 1s, tpot: 60ms}
                pools:
                  - name: h100-8b
                    kind: reserved
                    replicas: %d
                    gpu: H100-SXM-80GB
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 2.99
                """.formatted(replicas, number(horizonSeconds), number(ratePerSecond), replicas);
        return bind(text, "bench:steady-chat-" + replicas);
    }

    /** BLIS's workload: one H100 replica of Llama 3.1 8B, fixed 512/256 tokens, Poisson at {@code ratePerSecond}. */
    public static String blisLikeText(double ratePerSecond, double horizonSeconds) {
        return """
                # BLIS's own workload (one H100, Llama 3.1 8B, 512 prompt and 256 output tokens), written by fleetsim bench.
                name: bench-blis-like
                seed: 1
                horizon: %ss
                workload:
                  arrivals: {process: poisson, rate_per_s: %s}
                  routes:
                    - name: fixed
                      prompt_tokens: {dist: fixed, tokens: 512}
                      output_tokens: {dist: fixed, tokens: 256}
                      slo: {ttft: 1s, tpot: 60ms}
                pools:
                  - name: h100-8b
                    kind: reserved
                    replicas: 1
                    gpu: H100-SXM-80GB
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 2.99
                """.formatted(number(horizonSeconds), number(ratePerSecond));
    }

    /** {@link #blisLikeText} as a scenario. */
    public static ScenarioSpec blisLike(double ratePerSecond, double horizonSeconds) {
        return bind(blisLikeText(ratePerSecond, horizonSeconds), "bench:blis-like");
    }

    private static ScenarioSpec bind(String text, String name) {
        return ScenarioVariant.of(new ScenarioText(text, name, false)).base();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
