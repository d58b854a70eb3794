package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.List;

/** Scenarios and sweeps shared by the sweep tests: small and quick. */
final class SweepFixtures {

    /** Poisson arrivals per second of {@link #MMC}. */
    static final double LAMBDA = 4.5;
    /** Service rate per server (exponential, mean 1 s). */
    static final double MU = 1.0;
    /** TTFT target: a queueing server's TTFT is its wait plus its service. */
    static final double T = 8.0;

    /** An M/M/c pool of queueing servers at $1 per server-hour, one hour simulated. */
    static final String MMC = """
            name: mmc
            seed: 11
            horizon: 1h
            workload:
              arrivals: {process: poisson, rate_per_s: 4.5}
              routes:
                - name: jobs
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 100}
                  slo: {ttft: 8s, tpot: 1s}
            pools:
              - name: servers
                kind: reserved
                replicas: 6
                usd_per_gpu_hour: 1.0
                service_time: {dist: exponential, mean: 1s}
            """;

    private SweepFixtures() {
    }

    static ScenarioText mmc() {
        return new ScenarioText(MMC, "mmc.yaml", false);
    }

    /** A sweep of {@link #MMC} over the given --vary options and constraints. */
    static SweepSpec spec(List<String> vary, List<String> constraints) {
        List<Dimension> dims = new ArrayList<>();
        vary.forEach(v -> dims.add(Dimension.parse(v)));
        List<Constraint> cons = new ArrayList<>();
        constraints.forEach(c -> cons.add(Constraint.parse(c)));
        return SweepSpec.validated(mmc(), null, null, new Grid(dims), cons);
    }
}
