package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --vary PATH=VALUES}: lists, ranges, paths, and the grid they make. */
class DimensionTest {

    private static List<String> values(String option) {
        return Dimension.parse(option).values();
    }

    private static String refused(String option) {
        return assertThrows(IllegalArgumentException.class, () -> new Grid(List.of(Dimension.parse(option))))
                .getMessage();
    }

    @Test
    void listsAndRanges() {
        assertEquals(List.of("2", "4", "6", "8", "10"), values("pools[0].replicas=2..10:2"));
        assertEquals(List.of("1", "2", "3"), values("pools[0].replicas=1..3"));
        assertEquals(List.of("2", "4", "5", "6"), values("pools[reserved].replicas=2, 4..6"));
        assertEquals(List.of("0.1", "0.2", "0.3"), values("workload.arrivals.rate_per_s=0.1..0.3:0.1"));
        assertEquals(List.of("2", "3.5", "5"), values("workload.arrivals.rate_per_s=2..5:1.5"));
        assertEquals(List.of("H100-SXM-80GB", "A100-SXM-80GB"), values("pools[gpu].gpu=H100-SXM-80GB,A100-SXM-80GB"));
        assertEquals(List.of("500ms", "1s"), values("workload.routes[chat].slo.ttft=500ms,1s"));
        assertEquals("pools[reserved].replicas", Dimension.parse("pools[reserved].replicas=1").path());
    }

    @Test
    void badOptionsNameThePath() {
        assertTrue(refused("pools[0].replicas").contains("write PATH=VALUES"));
        assertTrue(refused("pools[0].replicas=").startsWith("variation pools[0].replicas: empty value"));
        assertTrue(refused("pools[0].replicas=5..2").startsWith("variation pools[0].replicas: range 5..2"));
        assertTrue(refused("pools[0].replicas=2..x").contains("\"x\" is not a number"));
        assertTrue(refused("pools[0].replicas=2..8:0").contains("step must be > 0"));
        assertTrue(refused("pools[0].replicas=1,1").contains("given twice"));
        assertTrue(refused("pools[0].replicas=1..100000").contains("more than 10000 values"));
        assertTrue(refused("pools[0]..replicas=3").startsWith("variation pools[0]..replicas: not a field path"));
        assertTrue(refused("pools[0.replicas=3").contains("not a field path"));
    }

    @Test
    void gridIsTheCartesianProductFirstDimensionSlowest() {
        Grid grid = new Grid(List.of(Dimension.parse("a=1,2"), Dimension.parse("b=x,y,z")));
        List<String> keys = grid.configurations().stream().map(Configuration::key).toList();
        assertEquals(List.of("a=1, b=x", "a=1, b=y", "a=1, b=z", "a=2, b=x", "a=2, b=y", "a=2, b=z"), keys);
        assertEquals(List.of("(as written)"),
                new Grid(List.of()).configurations().stream().map(Configuration::key).toList());
        SweepInputException twice = assertThrows(SweepInputException.class,
                () -> new Grid(List.of(Dimension.parse("a=1"), Dimension.parse("a=2"))));
        assertEquals(SweepInput.VARIATION, twice.input());
        assertEquals("a", twice.given());
        assertEquals("variation a: given twice; list every value in one variation", twice.getMessage());
    }

    @Test
    void aRefusedVariationIsTypedSoThatTheCommandLineCanWordIt() {
        SweepInputException e = assertThrows(SweepInputException.class, () -> Dimension.parse("pools[0].replicas=5..2"));
        assertEquals(SweepInput.VARIATION, e.input());
        assertEquals("pools[0].replicas", e.given());
        assertTrue(e.problem(SweepInput::description).startsWith("range 5..2"), e.getMessage());
        assertEquals(SweepInput.VARIATION, assertThrows(SweepInputException.class,
                () -> Dimension.parse("nopath")).input());
    }

    @Test
    void capacityDimensionsArePoolReplicaCounts() {
        assertTrue(FieldPath.parse("pools[reserved].replicas").isPoolReplicas());
        assertTrue(FieldPath.parse("pools[0].replicas").isPoolReplicas());
        assertTrue(!FieldPath.parse("pools[0].autoscaling.max_replicas").isPoolReplicas());
        assertEquals("reserved.replicas", FieldPath.parse("pools[reserved].replicas").label());
        assertEquals("arrivals.rate_per_s", FieldPath.parse("workload.arrivals.rate_per_s").label());
        assertEquals("horizon", FieldPath.parse("horizon").label());
        assertEquals("pools[0].tensor_parallel", FieldPath.parse("pools[0].tensor_parallel").label());
    }
}
