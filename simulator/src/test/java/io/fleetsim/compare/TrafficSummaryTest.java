package io.fleetsim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the traffic of two runs differs, on hand-made summaries: each aspect alone, and none. */
class TrafficSummaryTest {

    private static final TrafficSummary BASE = summary(42, 3600, Map.of("chat", 100L), new double[] {40, 60}, 5000, 900);

    private static TrafficSummary summary(long seed, double horizon, Map<String, Long> byRoute, double[] perInterval,
                                          long prompt, long output) {
        return new TrafficSummary(seed, horizon, new LinkedHashMap<>(byRoute), perInterval, prompt, output);
    }

    @Test
    void theSameTrafficDiffersInNothing() {
        TrafficSummary copy = summary(42, 3600, Map.of("chat", 100L), new double[] {40, 60}, 5000, 900);
        assertTrue(copy.differencesFrom(BASE).isEmpty());
        assertTrue(copy.sameAs(BASE));
    }

    @Test
    void eachAspectIsToldApartAlone() {
        assertEquals(EnumSet.of(TrafficAspect.SEED),
                summary(7, 3600, Map.of("chat", 100L), new double[] {40, 60}, 5000, 900).differencesFrom(BASE));
        assertEquals(EnumSet.of(TrafficAspect.HORIZON),
                summary(42, 1800, Map.of("chat", 100L), new double[] {40, 60}, 5000, 900).differencesFrom(BASE));
        assertEquals(EnumSet.of(TrafficAspect.ARRIVAL_TIMES),
                summary(42, 3600, Map.of("chat", 100L), new double[] {60, 40}, 5000, 900).differencesFrom(BASE),
                "the same requests at other times");
        assertEquals(EnumSet.of(TrafficAspect.PROMPT_TOKENS),
                summary(42, 3600, Map.of("chat", 100L), new double[] {40, 60}, 5001, 900).differencesFrom(BASE));
        assertEquals(EnumSet.of(TrafficAspect.OUTPUT_TOKENS),
                summary(42, 3600, Map.of("chat", 100L), new double[] {40, 60}, 5000, 901).differencesFrom(BASE));
        assertEquals(EnumSet.of(TrafficAspect.REQUESTS_BY_ROUTE),
                summary(42, 3600, Map.of("chat", 101L), new double[] {40, 60}, 5000, 900).differencesFrom(BASE));
        assertEquals(EnumSet.of(TrafficAspect.ROUTES, TrafficAspect.REQUESTS_BY_ROUTE),
                summary(42, 3600, Map.of("code", 100L), new double[] {40, 60}, 5000, 900).differencesFrom(BASE),
                "as many requests on a route of another name");
    }

    @Test
    void tokensAreComparedOnlyWhenBothRunsRecordedThem() {
        TrafficSummary unrecorded = summary(42, 3600, Map.of("chat", 100L), new double[] {40, 60}, -1, -1);
        assertFalse(unrecorded.tokensComparableWith(BASE));
        assertTrue(BASE.tokensComparableWith(BASE));
        assertEquals(200, summary(1, 1, Map.of("a", 150L, "b", 50L), new double[0], 0, 0).arrived());
    }
}
