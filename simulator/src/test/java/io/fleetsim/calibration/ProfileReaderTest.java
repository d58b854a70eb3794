package io.fleetsim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profiles file: what it holds, and the mistakes it refuses with file, line and path. */
class ProfileReaderTest {

    private static final String ENTRY = """
              - name: %s
                gpu: H100-SXM-80GB
                tensor_parallel: %d
                compute_efficiency: 0.4
                memory_efficiency: 0.6
                iteration_overhead: 12.5ms
                models: [llama-2-70b]
                data: calibration/x.csv
                fitted_by: ./fleetsim calibrate calibration/x.csv --gpu H100-SXM-80GB
                training: {points: 8, prefill_ape_median_pct: 1.5, prefill_ape_p90_pct: 3, per_token_ape_median_pct: 2, per_token_ape_p90_pct: 4}
            """;

    private static List<PerformanceProfile> read(String text) {
        return ProfileReader.read(SpecDocument.parse(text, "p.yaml", false));
    }

    @Test
    void readsFactorsAndFitFigures() {
        PerformanceProfile p = read("profiles:\n" + ENTRY.formatted("a", 4)).get(0);
        assertEquals(0.0125, p.performance().iterationOverheadSeconds(), 1e-15);
        assertEquals(0.015, p.training().prefillMedian(), 1e-15);
        assertEquals(4, p.tensorParallel().getAsInt());
        assertEquals(List.of("llama-2-70b"), p.models());
    }

    @Test
    void refusesDuplicateNamesAndTwoDefaultsForOneGpuAndDegree() {
        ScenarioException name = assertThrows(ScenarioException.class,
                () -> read("profiles:\n" + ENTRY.formatted("a", 4) + ENTRY.formatted("a", 2)));
        assertEquals("p.yaml:12: profiles[1].name: duplicate profile name 'a'", name.getMessage());
        ScenarioException degree = assertThrows(ScenarioException.class,
                () -> read("profiles:\n" + ENTRY.formatted("a", 4) + ENTRY.formatted("b", 4)));
        assertEquals("p.yaml:14: profiles[1].tensor_parallel: another profile is already the default for "
                + "H100-SXM-80GB at tensor_parallel 4", degree.getMessage());
    }

    @Test
    void refusesUnknownFieldsAndOutOfRangeFactors() {
        ScenarioException unknown = assertThrows(ScenarioException.class,
                () -> read("profiles:\n" + ENTRY.formatted("a", 4).replace("data:", "dataset:")));
        assertEquals("p.yaml:9: profiles[0].dataset: unknown field; allowed here: name, gpu, tensor_parallel, "
                + "compute_efficiency, memory_efficiency, iteration_overhead, models, data, fitted_by, training, "
                + "held_out", unknown.getMessage());
        ScenarioException range = assertThrows(ScenarioException.class,
                () -> read("profiles:\n" + ENTRY.formatted("a", 4).replace("0.6", "1.6")));
        assertEquals("p.yaml:6: profiles[0].memory_efficiency: must be between 0.01 and 1 (got 1.6)",
                range.getMessage());
    }
}
