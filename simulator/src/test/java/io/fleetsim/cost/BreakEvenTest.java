package io.fleetsim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The break-even volume and the route split of the bill, on hand-worked cases. */
class BreakEvenTest {

    /**
     * The planners' example: an API at $0.80 per million tokens, self-hosting at $0.35 per million
     * on the margin and $5,000 a month of fixed cost. Each million tokens moved in-house saves
     * $0.45, so the fixed cost is recovered at 5000 / 0.45 = 11,111.1 million tokens a month (11.1
     * billion; the seed's "11.1 million tokens/month" drops a factor of 1,000: at 11.1 million
     * tokens the saving would be $5, not $5,000).
     */
    @Test
    void plannersExample() {
        BreakEven b = BreakEven.of(0.80, 5000, 0.35);
        assertEquals(5000 / 0.45, b.monthlyMtok(), 1e-9);
        assertEquals(11_111.111, b.monthlyMtok(), 1e-3);
        // At that volume the two bills are equal.
        double volume = b.monthlyMtok();
        assertEquals(volume * 0.80, 5000 + volume * 0.35, 1e-6);
        assertEquals(0.80, b.apiUsdPerMtok());
        assertEquals(5000, b.fixedMonthlyUsd());
        assertEquals(0.35, b.variableUsdPerMtok());
    }

    @Test
    void noBreakEvenWhenTheApiIsCheaperOnTheMargin() {
        assertTrue(Double.isNaN(BreakEven.of(0.35, 5000, 0.80).monthlyMtok()));
        assertTrue(Double.isNaN(BreakEven.of(0.5, 5000, 0.5).monthlyMtok()));
        assertEquals(0, BreakEven.of(0.8, 0, 0.35).monthlyMtok(), 0, "no fixed cost: self-hosting wins at once");
    }

    /**
     * Pool 0 ($90) served route 0 with 1,000 tokens and route 1 with 2,000; pool 1 ($10) served
     * nothing and is route 1's first pool; pool 2 ($7) served nothing and is nobody's first pool.
     */
    @Test
    void routesShareEachPoolByTokensServed() {
        double[] out = RouteCostAttribution.attribute(new double[] {90, 10, 7},
                new long[][] {{1000, 2000}, {0, 0}, {0, 0}}, new int[] {0, 1});
        assertEquals(30, out[0], 1e-12);
        assertEquals(60 + 10, out[1], 1e-12);
        assertEquals(7, out[2], 1e-12, "unattributed");
        assertEquals(107, out[0] + out[1] + out[2], 1e-12);
    }

    @Test
    void gpuAndApiPricesByHand() {
        // 2 GPUs at $3 with overhead 1.25: $7.50 per replica-hour.
        var states = CostModel.gpuCostByState(360, 1800, 1440, 60, 3600, 2, 3, 1.25);
        assertEquals(0.75, states.get("cold_start"), 1e-12);
        assertEquals(3.75, states.get("busy"), 1e-12);
        assertEquals(3.0, states.get("idle"), 1e-12);
        assertEquals(0.125, states.get("draining"), 1e-12);
        assertEquals(7.5, states.get("billing_rounding"), 1e-12);
        var api = CostModel.apiCostByKind(new io.fleetsim.spec.ApiSpec(0.6, 0.3, 0.9, 0, 0,
                new io.fleetsim.spec.DurationSpec.Fixed(0.5), 50, 0, 1, 1, "test"),
                new long[] {2_000_000, 1_000_000, 500_000});
        assertEquals(1.2, api.get("api_input"), 1e-12);
        assertEquals(0.3, api.get("api_cached_input"), 1e-12);
        assertEquals(0.45, api.get("api_output"), 1e-12);
        assertEquals(2.5, CostModel.perMillionTokens(5, 2_000_000), 1e-12);
        assertTrue(Double.isNaN(CostModel.perMillionTokens(5, 0)));
    }
}
