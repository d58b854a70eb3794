package io.fleetsim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/**
 * Which efficiency factors a scenario's pool gets: its GPU's calibrated profile at its degree by
 * default, a named profile, field-by-field overrides on top, and errors naming file, line and path.
 */
class PoolProfileTest {

    /** A scenario with one pool; {@code extra} lines are appended to the pool. */
    private static String scenario(String gpu, int tp, String extra) {
        return """
                name: t
                horizon: 10m
                workload:
                  arrivals: {process: poisson, rate_per_s: 2}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 50}
                      slo: {ttft: 1s, tpot: 50ms}
                pools:
                  - name: p1
                    kind: reserved
                    replicas: 1
                    gpu: %s
                    model: llama-3.1-70b
                    tensor_parallel: %d
                    usd_per_gpu_hour: 2.5
                %s""".formatted(gpu, tp, extra);
    }

    private static PerformanceSpec performance(String text) {
        ServerSpec.Llm llm = (ServerSpec.Llm) new ScenarioLoader().bind(SpecDocument.parse(text, "t.yaml", false))
                .pools().get(0).server();
        // the roofline factors: used by the roofline and by the kernel model's fallback
        return llm.performance().rooflineFactors();
    }

    private static PerformanceSpec profile(String name) {
        return PerformanceProfiles.builtIn().named(name).orElseThrow().performance();
    }

    @Test
    void aPoolOnACalibratedGpuAndDegreeUsesThatProfile() {
        assertEquals(profile("splitwise-h100-tp4"), performance(scenario("H100-SXM-80GB", 4, "")));
        assertEquals(profile("splitwise-a100-tp8"), performance(scenario("A100-SXM-80GB", 8, "")));
    }

    @Test
    void otherPoolsKeepTheDefaults() {
        assertEquals(PerformanceSpec.DEFAULT, performance(scenario("H200-SXM-141GB", 4, "")));
        assertEquals(PerformanceSpec.DEFAULT, performance(scenario("H100-SXM-80GB", 4, "    precision: fp8\n")));
    }

    @Test
    void aNamedProfileAndExplicitFactorsOverrideTheDefault() {
        assertEquals(profile("splitwise-h100"),
                performance(scenario("H100-SXM-80GB", 4, "    performance: {profile: splitwise-h100}\n")));
        PerformanceSpec tp4 = profile("splitwise-h100-tp4");
        assertEquals(new PerformanceSpec(0.5, tp4.memoryEfficiency(), tp4.iterationOverheadSeconds()),
                performance(scenario("H100-SXM-80GB", 4, "    performance: {compute_efficiency: 0.5}\n")));
        PerformanceSpec pooled = profile("splitwise-h100");
        assertEquals(new PerformanceSpec(pooled.computeEfficiency(), pooled.memoryEfficiency(), 0.002),
                performance(scenario("H100-SXM-80GB", 4,
                        "    performance: {profile: splitwise-h100, iteration_overhead: 2ms}\n")));
    }

    @Test
    void unknownProfilesAndProfilesOfAnotherGpuAreErrors() {
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> performance(
                scenario("H100-SXM-80GB", 4, "    performance:\n      profile: fast\n")));
        assertTrue(unknown.getMessage().startsWith("t.yaml:19: pools[0].performance.profile: unknown profile 'fast'; "
                + "known: splitwise-h100-tp2, "), unknown.getMessage());
        ScenarioException other = assertThrows(ScenarioException.class, () -> performance(
                scenario("H100-SXM-80GB", 4, "    performance: {profile: splitwise-a100-tp4}\n")));
        assertTrue(other.getMessage().startsWith("t.yaml:18: pools[0].performance.profile: profile "
                + "'splitwise-a100-tp4' was measured on A100-SXM-80GB, not H100-SXM-80GB"), other.getMessage());
    }
}
