package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.scenario.ScenarioBuilder.Pool;
import io.fleetsim.scenario.ScenarioBuilder.Route;
import io.fleetsim.spec.ScenarioSpec;
import org.junit.jupiter.api.Test;

/** The builder writes the file a user would, and the loader reads it as it reads that file. */
class ScenarioBuilderTest {

    private static ScenarioSpec bind(String yaml) {
        return new ScenarioLoader().bind(SpecDocument.parse(yaml, "hand.yaml", false));
    }

    @Test
    void writesTheFileByHand() {
        String built = ScenarioBuilder.scenario("queueing").seed(1).horizon("20000s").poisson(2.8)
                .route(Route.named("only").fixedTokens(100, 10).slo("24h", "24h"))
                .pool(Pool.reserved("servers").replicas(4).price(1).serviceTime("{dist: exponential, mean: 1s}"))
                .yaml();
        String hand = """
                name: queueing
                seed: 1
                horizon: 20000s
                workload:
                  arrivals: {process: poisson, rate_per_s: 2.8}
                  routes:
                    - name: only
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 24h, tpot: 24h}
                pools:
                  - name: servers
                    kind: reserved
                    replicas: 4
                    usd_per_gpu_hour: 1
                    service_time: {dist: exponential, mean: 1s}
                """;
        assertEquals(hand, built);
        assertEquals(bind(hand), bind(built));
    }

    @Test
    void aGpuPoolWithExtraFieldsBindsAsTheFileDoes() {
        ScenarioSpec built = ScenarioBuilder.scenario("idle-reserved").horizon("90m")
                .set("economics", "{overhead_multiplier: 1.35}").poisson(1.0e-9)
                .route(Route.named("rare").fixedTokens(100, 100).slo("1s", "100ms").pool("reserved"))
                .pool(Pool.reserved("reserved").replicas(3).gpu("H100-SXM-80GB").model("llama-3.1-70b")
                        .set("tensor_parallel", "4").price(2.75))
                .pool(Pool.spot("spot").replicas(1).price(1).serviceTime("{dist: fixed, value: 1s}")
                        .set("spot", "{mean_time_between_interruptions: 1h, notice: 2m}"))
                .spec();
        ScenarioSpec hand = bind("""
                name: idle-reserved
                horizon: 90m
                economics: {overhead_multiplier: 1.35}
                workload:
                  arrivals: {process: poisson, rate_per_s: 1.0e-9}
                  routes:
                    - name: rare
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 100}
                      slo: {ttft: 1s, tpot: 100ms}
                      pool: reserved
                pools:
                  - name: reserved
                    kind: reserved
                    replicas: 3
                    gpu: H100-SXM-80GB
                    model: llama-3.1-70b
                    tensor_parallel: 4
                    usd_per_gpu_hour: 2.75
                  - name: spot
                    kind: spot
                    replicas: 1
                    usd_per_gpu_hour: 1
                    service_time: {dist: fixed, value: 1s}
                    spot: {mean_time_between_interruptions: 1h, notice: 2m}
                """);
        assertEquals(hand.toString(), built.toString());
        assertEquals(hand, built);
    }
}
