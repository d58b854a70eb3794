package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixed spot pool replaying a measured trace loses its replica when the trace does, cannot
 * replace it while the trace shows no capacity (not even during the notice), and gets it back
 * when capacity returns.
 */
class SpotTraceReplayTest {

    @TempDir
    Path tmp;

    @Test
    void theReplicaIsGoneForTheTracesOutage() throws IOException {
        // One-minute ticks: no spot capacity from 5:00 to 10:00.
        Path trace = tmp.resolve("trace.json");
        Files.writeString(trace, "{\"metadata\": {\"gap_seconds\": 60}, \"data\": [0, 0, 0, 0, 0, 1, 1, 1, 1, 1,"
                + " 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}\n");
        FleetHarness h = new FleetHarness("""
                name: replay
                seed: 3
                horizon: 20m
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - name: r
                      prompt_tokens: {dist: fixed, tokens: 10}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1s, tpot: 1s}
                      pool: spot
                      overflow: {to: [reserved], in_flight_per_replica: 4}
                pools:
                  - name: spot
                    kind: spot
                    replicas: 1
                    usd_per_gpu_hour: 1
                    service_time: {dist: fixed, value: 1s}
                    cold_start: {provision: 1m}
                    spot: {notice: 30s, trace: {file: "%s"}}
                  - name: reserved
                    kind: reserved
                    replicas: 1
                    usd_per_gpu_hour: 2
                    service_time: {dist: fixed, value: 1s}
                """.formatted(trace.toString().replace("\\", "/")), 20 * 60);
        Pool spot = h.pool("spot");

        h.runUntil(270 - 1e-6);
        assertEquals(1, spot.replicasIn(ReplicaState.SERVING));
        h.runUntil(270);
        assertEquals(1, spot.ledger().interruptions(), "the notice came 30 s before 5:00");
        assertEquals(0, spot.replicasIn(ReplicaState.COLD_START), "no replacement during the notice");
        assertEquals(1, spot.ledger().failedScaleUps());
        h.runUntil(300);
        assertEquals(0, spot.activeReplicas() + spot.replicasIn(ReplicaState.DRAINING), "interrupted at 5:00");
        h.runUntil(600 - 1e-6);
        assertEquals(0, spot.activeReplicas(), "nothing while the trace shows no capacity");
        h.runUntil(600);
        assertEquals(1, spot.replicasIn(ReplicaState.COLD_START), "asked again when capacity returns");
        h.runUntil(660);
        assertEquals(1, spot.replicasIn(ReplicaState.SERVING), "serving after its cold start");
        h.finish();
        assertEquals(1, spot.ledger().interruptions());
    }
}
