package io.fleetsim.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misspelt field or command is answered with the allowed name it most likely meant. */
class NearestNameTest {

    @TempDir
    Path tmp;

    @Test
    void swapsAndSingleEditsAreTypos() {
        List<String> fields = List.of("process", "rate_per_s", "cv", "diurnal");
        assertEquals(Optional.of("rate_per_s"), NearestName.of("raet_per_s", fields));
        assertEquals(Optional.of("rate_per_s"), NearestName.of("rate_per_sec", fields));
        assertEquals(Optional.of("run"), NearestName.of("rnu", List.of("run", "compare", "sweep")));
        assertEquals(Optional.of("--seed"), NearestName.of("--seeed", List.of("--seed", "--out", "--horizon")));
        assertEquals(Optional.empty(), NearestName.of("colour", fields), "nothing near");
        assertEquals(Optional.empty(), NearestName.of("rate", fields), "six edits from rate_per_s: not a typo");
    }

    @Test
    void scenarioErrorSuggestsTheNearestField() throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, """
                name: t
                horizon: 1h
                workload:
                  arrivals: {process: poisson, raet_per_s: 2}
                  routes:
                    - {name: chat, prompt_tokens: {dist: fixed, value: 10}, output_tokens: {dist: fixed, value: 10}}
                pools:
                  - {name: p, kind: reserved, replicas: 1, usd_per_gpu_hour: 1,
                     service_time: {dist: fixed, value: 1s}}
                """);
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> new ScenarioLoader().load(f));
        assertTrue(e.getMessage().contains("workload.arrivals.raet_per_s: unknown field; did you mean 'rate_per_s'?"),
                e.getMessage());
    }
}
