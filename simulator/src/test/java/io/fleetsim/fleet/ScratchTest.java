package io.fleetsim.fleet;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void stranded() {
        String yaml = """
            name: spot-loss
            seed: 7
            horizon: 25m
            workload:
              arrivals: {process: poisson, rate_per_s: 2}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 1000}
                  output_tokens: {dist: fixed, tokens: 2000}
                  slo: {ttft: 2s, tpot: 100ms}
                  pool: spot
                  overflow: {to: [reserved]}
            pools:
              - name: spot
                kind: spot
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 3
                max_queue: 0
                cold_start: {provision: 1m}
                spot: {interruptions: [5m], notice: 10s, unavailable: [{start: 4m, end: 10m}]}
              - name: reserved
                kind: reserved
                replicas: 2
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 6
            """;
        for (String mq : new String[] {"max_queue: 0", "max_queue: 1000"}) {
        FleetHarness h = new FleetHarness(yaml.replace("max_queue: 0", mq), 15 * 60);
        Pool spot = h.pool("spot");
        h.runUntil(289);
        long r0 = h.metrics.routedTo(0);
        h.runUntil(660);
        System.out.println(mq + " routed to spot 289..660 s while it had no serving replica: " + (h.metrics.routedTo(0) - r0) + " queued " + spot.queued());
        h.finish();
        System.out.println("routed spot " + h.metrics.routedTo(0) + " reserved " + h.metrics.routedTo(1) + " shed " + h.requests().rejectedByCause());
        }
    }
}
