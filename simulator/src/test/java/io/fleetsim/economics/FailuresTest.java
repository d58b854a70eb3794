package io.fleetsim.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.FailureSpec;
import org.junit.jupiter.api.Test;

/** GPU and node failures against hand-computed lost replica-hours, paid time and renewal counts. */
class FailuresTest {

    private static RunResult run(String failures, String horizon) {
        String yaml = """
                name: f
                seed: 11
                horizon: %s
                workload:
                  arrivals: {process: poisson, rate_per_s: 0.5}
                  routes:
                    - name: r
                      prompt_tokens: {dist: fixed, tokens: 10}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 10s, tpot: 1s}
                pools:
                  - name: p
                    kind: reserved
                    replicas: 2
                    usd_per_gpu_hour: 1
                    gpus_per_replica: 4
                    service_time: {dist: fixed, value: 100ms}
                    failures: %s
                """.formatted(horizon, failures);
        return Simulation.run(new ScenarioLoader().bind(SpecDocument.parse(yaml, "f.yaml", false)));
    }

    @Test
    void aReplayedFailureLosesItsRepairTimeAndAReservedPoolStillPaysForIt() {
        PoolResult p = run("{at: [1h], repair: 30m}", "2h").pools().get(0);
        assertEquals(1, p.failures());
        assertEquals(0.5, p.downReplicaHours(), 1e-9);
        // Reserved: 2 replicas x 2 h x 4 GPUs paid, half an hour of one of them while it was down.
        assertEquals(16, p.gpuHours(), 1e-9);
        assertEquals(0.5 * 4 * 1, p.costByStateUsd().get("down"), 1e-9);
        assertEquals(16, p.costUsd(), 1e-9);
        // The replacement came back: 3.5 replica-hours serving.
        assertEquals(2 * 2 - 0.5, (p.costUsd() - p.costByStateUsd().get("down")) / 4, 1e-9);
    }

    @Test
    void randomFailuresFollowTheRenewalRate() {
        // One replica fails when any of its 4 GPUs does: exponential with mean 10 h / 4 = 2.5 h;
        // down 30 min, then its replacement's clock starts: cycles of mean 3 h and variance 6.25 h^2.
        // Over 2 replicas x 600 h the count is about 1200 / 3 = 400, sd sqrt(1200 x 6.25 / 27).
        PoolResult p = run("{mtbf_per_gpu: 10h, repair: 30m}", "600h").pools().get(0);
        double expected = 2 * 600 / 3.0;
        assertEquals(expected, p.failures(), 3 * Math.sqrt(2 * 600 * 6.25 / 27));
        assertEquals(p.failures() * 0.5, p.downReplicaHours(), 0.5);
    }

    @Test
    void theDefaultFailureRateIsLlama3s() {
        assertEquals(50_677, FailureSpec.DEFAULT_MTBF_PER_GPU_SECONDS / 3600, 1);
    }
}
