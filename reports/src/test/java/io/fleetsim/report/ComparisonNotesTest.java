package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.compare.TrafficAspect;
import io.fleetsim.compare.TrafficDifference;
import io.fleetsim.compare.TrafficSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The words of a traffic difference: what differs, named once each, with the totals compared. */
class ComparisonNotesTest {

    private static TrafficSummary traffic(long seed, double horizon, Map<String, Long> byRoute, long prompt,
                                          long output) {
        return new TrafficSummary(seed, horizon, new LinkedHashMap<>(byRoute), new double[0], prompt, output);
    }

    private static String contrast(TrafficSummary t, TrafficSummary reference) {
        return ComparisonNotes.contrast(new TrafficDifference(null, null, t, reference, t.differencesFrom(reference)));
    }

    @Test
    void aBusierRunIsContrastedByRequestsAndTokens() {
        TrafficSummary four = traffic(42, 3600, Map.of("chat", 17_979L), 32_512_180, 9_000_000);
        TrafficSummary busier = traffic(42, 3600, Map.of("chat", 21_575L), 39_451_093, 10_800_000);
        assertEquals("21,575 vs 17,979 requests, 39,451,093 vs 32,512,180 prompt tokens, 10,800,000 vs 9,000,000 "
                + "output tokens", contrast(busier, four));
    }

    @Test
    void seedHorizonAndRoutesAreNamedOnlyWhenTheyDiffer() {
        TrafficSummary a = traffic(42, 3600, Map.of("chat", 10L), -1, -1);
        TrafficSummary b = traffic(7, 1800, Map.of("code", 10L), -1, -1);
        assertEquals(Set.of(TrafficAspect.SEED, TrafficAspect.HORIZON, TrafficAspect.ROUTES,
                TrafficAspect.REQUESTS_BY_ROUTE), b.differencesFrom(a));
        assertEquals("seed 7 vs 42, 30m vs 1h simulated, 10 vs 10 requests, routes [code] vs [chat]", contrast(b, a));
    }
}
