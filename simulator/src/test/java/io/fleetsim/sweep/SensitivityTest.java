package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.spec.ScenarioSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The perturbations of a chosen fleet, checked against values computed by hand. */
class SensitivityTest {

    private static final String YAML = """
            name: s
            seed: 1
            horizon: 10m
            workload:
              arrivals: {process: poisson, rate_per_s: 2}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 100}
                  slo: {ttft: 1s, tpot: 60ms}
                  pool: reserved
                  overflow: {to: [burst]}
            pools:
              - name: reserved
                kind: reserved
                replicas: 2
                usd_per_gpu_hour: 2.5
                service_time: {dist: exponential, mean: 1s}
              - name: burst
                kind: on-demand
                min_replicas: 0
                max_replicas: 2
                usd_per_gpu_hour: 4.0
                service_time: {dist: exponential, mean: 1s}
                autoscaling: {signal: in_flight_per_replica, target: 2}
            """;

    private static Map<String, Perturbation> byName() {
        ScenarioVariant variant = ScenarioVariant.of(new ScenarioText(YAML, "s.yaml", false));
        return Sensitivity.perturbations(variant, List.of()).stream()
                .collect(Collectors.toMap(Perturbation::name, p -> p));
    }

    @Test
    void gpuPricesMoveByKind() {
        Map<String, Perturbation> p = byName();
        assertEquals(List.of(new Setting("pools[0].usd_per_gpu_hour", "2.0")), p.get("reserved GPU -20%").settings());
        assertEquals(List.of(new Setting("pools[0].usd_per_gpu_hour", "3.0")), p.get("reserved GPU +20%").settings());
        assertEquals(List.of(new Setting("pools[1].usd_per_gpu_hour", "3.2")), p.get("on-demand GPU -20%").settings());
        assertEquals(List.of(new Setting("pools[1].usd_per_gpu_hour", "4.8")), p.get("on-demand GPU +20%").settings());
        assertFalse(p.get("API price +20%").applies(), "no API pool here");
    }

    @Test
    void sloTargetsTightenAndLoosen() {
        Map<String, Perturbation> p = byName();
        assertEquals(List.of(new Setting("workload.routes[0].slo.ttft", "0.8s"),
                new Setting("workload.routes[0].slo.tpot", "0.048s")), p.get("SLO targets -20%").settings());
        ScenarioVariant variant = ScenarioVariant.of(new ScenarioText(YAML, "s.yaml", false));
        ScenarioSpec looser = variant.bind(p.get("SLO targets +20%").settings());
        assertEquals(1.2, looser.workload().routes().get(0).slo().ttftSeconds(), 1e-12);
        assertEquals(0.072, looser.workload().routes().get(0).slo().tpotSeconds(), 1e-12);
        assertTrue(p.values().stream().allMatch(x -> x.applies() || x.notApplicable() != null));
    }
}
