package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Grid;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.OptimizeOptions;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.SweepInputException;
import io.fleetsim.sweep.SweepSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The simulator refuses sweep inputs in its own words; the command line names every input, the
 * refused one and those its problem refers to, by the flag that sets it.
 */
class SweepInputWordsTest {

    private static String worded(Executable refused) {
        return SweepInputWords.of(assertThrows(SweepInputException.class, refused));
    }

    @Test
    void everyInputIsNamedByItsFlag() {
        assertEquals("--vary seed: replications take their seeds from the scenario's seed; use --replications "
                + "(and --seed to change the root)", worded(() -> SweepSpec.validated(
                new ScenarioText("name: x", "x.yaml", false), null, null,
                new Grid(List.of(Dimension.parse("seed=1,2"))), List.of())));
        assertEquals("--vary a: given twice; list every value in one --vary",
                worded(() -> new Grid(List.of(Dimension.parse("a=1"), Dimension.parse("a=2")))));
        assertEquals("--replications: at least --min-replications (3; got 2)",
                worded(() -> new OptimizeOptions(Metric.COST_PER_USEFUL_MTOK, 3, 2, false)));
        assertEquals("--min-replications: at least 2, so that there is a confidence interval (got 1)",
                worded(() -> new OptimizeOptions(Metric.COST_PER_USEFUL_MTOK, 1, 10, false)));
        assertEquals("--constraint 'ttft_p99_ms<=-5': ttft_p99_ms is never negative",
                worded(() -> Constraint.parse("ttft_p99_ms<=-5")));
        assertEquals("--vary pools[0].replicas: range 5..2: TO must not be less than FROM",
                worded(() -> Dimension.parse("pools[0].replicas=5..2")));
    }
}
