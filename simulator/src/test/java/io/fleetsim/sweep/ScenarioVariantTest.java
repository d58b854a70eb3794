package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.ScenarioSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings applied to a copy of the parsed document, then validated as a file would be. */
class ScenarioVariantTest {

    private static final String TWO_POOLS = """
            name: two
            horizon: 10m
            workload:
              arrivals: {process: poisson, rate_per_s: 2}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 10}
                  slo: {ttft: 1s, tpot: 1s}
                  pool: first
            pools:
              - name: first
                kind: reserved
                replicas: 2
                usd_per_gpu_hour: 1
                service_time: {dist: exponential, mean: 1s}
              - name: second
                kind: reserved
                replicas: 1
                usd_per_gpu_hour: 2
                service_time: {dist: fixed, value: 1s}
            """;

    private final ScenarioVariant variant = ScenarioVariant.of(new ScenarioText(TWO_POOLS, "two.yaml", false));

    private static List<Setting> set(String path, String value) {
        return List.of(new Setting(path, value));
    }

    private ScenarioException refused(String path, String value) {
        return assertThrows(ScenarioException.class, () -> variant.bind(set(path, value)));
    }

    @Test
    void listElementsByNameOrIndex() {
        ScenarioSpec byName = variant.bind(set("pools[second].replicas", "5"));
        ScenarioSpec byIndex = variant.bind(set("pools[1].replicas", "5"));
        assertEquals(5, byName.pools().get(1).replicas());
        assertEquals(byName, byIndex);
        assertEquals(2, byName.pools().get(0).replicas(), "the other pool untouched");
        assertEquals(1, variant.base().pools().get(1).replicas(), "the parsed document untouched");
    }

    @Test
    void numbersTextAndMissingBlocks() {
        ScenarioSpec rate = variant.bind(set("workload.arrivals.rate_per_s", "3.5"));
        assertEquals(3.5, ((ArrivalSpec.Poisson) rate.workload().arrivals()).ratePerSecond());
        ScenarioSpec slo = variant.bind(set("workload.routes[chat].slo.ttft", "250ms"));
        assertEquals(0.25, slo.workload().routes().get(0).slo().ttftSeconds(), 1e-12);
        ScenarioSpec price = variant.bind(List.of(new Setting("pools[first].usd_per_gpu_hour", "1.25"),
                new Setting("pools[first].gpus_per_replica", "2")));
        assertEquals(1.25, price.pools().get(0).usdPerGpuHour());
        assertEquals(4, price.pools().get(0).gpus());
        // a text field stays text even when the value looks like a number
        assertEquals("7", variant.bind(set("pools[second].name", "7")).pools().get(1).name());
    }

    @Test
    void pathsThatLeadNowhereNameTheVariation() {
        VariantException e = (VariantException) refused("pools[third].replicas", "1");
        assertTrue(e.pathRefused());
        assertEquals("pools[third].replicas", e.fieldPath());
        assertEquals(new Setting("pools[third].replicas", "1"), e.setBy());
        assertTrue(e.getMessage().contains("no element of pools is named 'third'; names: first, second"), e.getMessage());

        e = (VariantException) refused("pools[2].replicas", "1");
        assertEquals("two.yaml: --vary pools[2].replicas: pools has 2 elements (index 0 to 1), no [2]",
                e.describe("--vary"));
        assertTrue(e.getMessage().contains("variation pools[2].replicas: pools has 2 elements"), e.getMessage());

        e = (VariantException) refused("horizon.hours", "1");
        assertTrue(e.describe("--vary").contains("--vary horizon.hours: horizon is not a mapping"), e.getMessage());

        e = (VariantException) refused("pools[first]", "1");
        assertTrue(e.describe("--vary").contains("--vary pools[first]"), e.getMessage());
    }

    @Test
    void badValuesAreRefusedByValidationNamingTheVariation() {
        VariantException e = (VariantException) refused("pools[second].replicas", "-1");
        assertFalse(e.pathRefused());
        assertEquals("pools[1].replicas", e.fieldPath());
        assertEquals(new Setting("pools[second].replicas", "-1"), e.setBy());
        assertTrue(e.getMessage().startsWith("two.yaml:"), "file and line: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("(set by variation pools[second].replicas=-1)"), e.getMessage());
        assertTrue(e.describe("--vary").endsWith("(set by --vary pools[second].replicas=-1)"), e.getMessage());
        assertFalse(e.problem().contains("set by"), "the problem is the scenario's: " + e.problem());

        e = (VariantException) refused("workload.arrivals.rate_per_s", "fast");
        assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
        assertTrue(e.getMessage().contains("set by variation workload.arrivals.rate_per_s=fast"), e.getMessage());

        e = (VariantException) refused("pools[first].replicaz", "3");
        assertTrue(e.getMessage().contains("unknown field") && e.getMessage().contains("set by variation"),
                e.getMessage());

        e = (VariantException) refused("pools[first].replicas", "2.5");
        assertTrue(e.getMessage().contains("must be a whole number"), e.getMessage());
    }

    @Test
    void aSweepRefusesToVaryTheSeed() {
        SweepInputException e = assertThrows(SweepInputException.class, () -> SweepSpec.validated(
                new ScenarioText(TWO_POOLS, "two.yaml", false), null, null,
                new Grid(List.of(Dimension.parse("seed=1,2"))), List.of()));
        assertEquals(SweepInput.VARIATION, e.input());
        assertEquals("seed", e.given());
        // the inputs it refers to stay typed, for the command line to name as its flags
        assertEquals("replications take their seeds from the scenario's seed; use [REPLICATIONS] (and [SEED] to "
                + "change the root)", e.problem(i -> "[" + i.name() + "]"));
    }

    @Test
    void everyConfigurationIsValidatedBeforeAnythingRuns() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepSpec.validated(
                new ScenarioText(TWO_POOLS, "two.yaml", false), null, null,
                new Grid(List.of(Dimension.parse("pools[first].replicas=1,2,-3"))), List.of()));
        assertTrue(e.getMessage().contains("(set by variation pools[first].replicas=-3)"), e.getMessage());
    }

    @Test
    void aPoolCanBeSwitchedOffAndARoutesOverflowListChanged() {
        List<Setting> spill = List.of(new Setting("workload.routes[chat].overflow.to", "[second]"));
        ScenarioSpec both = variant.bind(spill);
        assertEquals(List.of(0, 1), both.workload().routes().get(0).routing().pools());

        // off: left out of the fleet and of every route's pools; the route keeps what is left
        List<Setting> secondOff = List.of(spill.get(0), new Setting("pools[second].enabled", "false"));
        ScenarioSpec without = variant.bind(secondOff);
        assertEquals(1, without.pools().size());
        assertEquals(List.of(0), without.workload().routes().get(0).routing().pools());

        // the route's first pool off: it starts at its overflow pool
        ScenarioSpec firstOff = variant.bind(List.of(spill.get(0), new Setting("pools[first].enabled", "false")));
        assertEquals("second", firstOff.pools().get(0).name());
        assertEquals(List.of(0), firstOff.workload().routes().get(0).routing().pools());

        ScenarioException e = assertThrows(ScenarioException.class, () -> variant.bind(List.of(
                new Setting("pools[first].enabled", "false"))));
        assertTrue(e.getMessage().contains("every pool of this route is switched off"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> variant.bind(List.of(
                new Setting("pools[first].enabled", "maybe"))));
        assertTrue(e.getMessage().contains("must be true or false"), e.getMessage());
    }

    @Test
    void bracketedValuesAreListsAndCommasInsideThemDoNotSplit() {
        Dimension d = Dimension.parse("workload.routes[chat].overflow.to=[second], [second, first]");
        assertEquals(List.of("[second]", "[second,first]"), d.values());
        ScenarioException e = assertThrows(ScenarioException.class, () -> variant.bind(set(d.path(), "[second,first]")));
        assertTrue(e.getMessage().contains("already in this route's pools"), e.getMessage());
    }
}
