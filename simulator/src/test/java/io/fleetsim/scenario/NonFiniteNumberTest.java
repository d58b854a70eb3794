package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import org.junit.jupiter.api.Test;

/** YAML's .nan and .inf are refused naming the field, the line and what is allowed. */
class NonFiniteNumberTest {

    private static String fails(String yaml) {
        return assertThrows(ScenarioException.class, () -> SpecDocument.parse(yaml, "s.yaml", false)).getMessage();
    }

    @Test
    void nanAndInfinityNameTheirField() {
        assertEquals("s.yaml:4: workload.arrivals.rate_per_s: must be a finite number (got '.nan')",
                fails("name: t\nworkload:\n  arrivals:\n    rate_per_s: .nan\n"));
        assertEquals("s.yaml:2: pools[1].replicas: must be a finite number (got '-.inf')",
                fails("name: t\npools: [{replicas: 1}, {replicas: -.inf}]\n"));
        assertEquals("s.yaml:2: list[1]: must be a finite number (got '.Inf')", fails("name: t\nlist: [1, .Inf]\n"));
    }
}
