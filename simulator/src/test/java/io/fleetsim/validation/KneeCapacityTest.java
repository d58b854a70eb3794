package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeCapacityTest {

    private static final Deployment H100 = new Deployment("h100_sxm", "vllm", "0.19", "meta-llama/Llama-3.1-8B", "",
            "bf16", "bf16", "agg", new Deployment.ParallelLayout(1, 1, 1, 1, 1));
    private static final Deployment H200 = new Deployment("h200_sxm", "vllm", "0.19", "meta-llama/Llama-3.1-8B", "",
            "bf16", "bf16", "agg", new Deployment.ParallelLayout(1, 1, 1, 1, 1));

    /** A point of 11 output tokens and 100 ms TTFT measured and predicted. */
    private static PointOutcome point(Deployment d, int clients, double measuredTpotMs, double predictedTpotMs) {
        MeasuredPoint m = new MeasuredPoint("c" + clients, clients, d, 1000, 11, clients, 100, measuredTpotMs);
        return new PointOutcome(m, PointOutcome.Status.OK, null, 100, predictedTpotMs, "test");
    }

    @Test
    void theKneeIsInterpolatedBetweenTheLastPointInsideTheSloAndTheFirstOutside() {
        // SLO 2 x 10 ms = 20 ms, crossed between 2 clients (15 ms: 2 / 0.25 s = 8 req/s) and 4
        // clients (30 ms: 4 / 0.4 s = 10 req/s) at (ln 20 - ln 15) / (ln 30 - ln 15) = 0.415 of the way
        // in log TPOT: 8 x 1.25^0.415 = 8.776 req/s. Predicted 10 % faster everywhere: the SLO stays the
        // measured 20 ms, crossed between 2 clients (13.5 ms) and 4 (27 ms).
        List<PointOutcome> outcomes = List.of(point(H100, 1, 10, 9), point(H100, 2, 15, 13.5), point(H100, 4, 30, 27));
        KneeCapacity k = KneeCapacity.of(outcomes, 2.0);
        assertEquals(1, k.curves().size());
        KneeCapacity.Curve c = k.curves().get(0);
        assertEquals(20.0, c.tpotSloMs(), 1e-12);
        assertEquals(8 * Math.pow(1.25, Math.log(4.0 / 3) / Math.log(2)), c.measuredRps(), 1e-9);
        double inside = 2 / 0.235;
        double outside = 4 / 0.37;
        double f = Math.log(20 / 13.5) / Math.log(2);
        assertEquals(inside * Math.pow(outside / inside, f), c.predictedRps(), 1e-9);
    }

    @Test
    void curvesWithoutAMeasuredKneeInsideTheirRangeOrWithTooFewPointsAreLeftOut() {
        List<PointOutcome> outcomes = new ArrayList<>();
        // Never above 2x the first TPOT: no knee measured.
        outcomes.addAll(List.of(point(H100, 1, 10, 10), point(H100, 2, 12, 12), point(H100, 4, 15, 15)));
        // Two client counts only.
        outcomes.addAll(List.of(point(H200, 1, 10, 10), point(H200, 8, 40, 40)));
        assertEquals(0, KneeCapacity.of(outcomes, 2.0).curves().size());
        assertEquals(0, KneeCapacity.of(outcomes, 2.0).summary().curves());
    }

    @Test
    void aPredictionOutsideTheSloFromTheFirstPointHasNoCapacityAndOneNeverOutsideHasItsLastRate() {
        List<PointOutcome> slow = List.of(point(H100, 1, 10, 25), point(H100, 2, 15, 30), point(H100, 4, 30, 40));
        assertEquals(0.0, KneeCapacity.of(slow, 2.0).curves().get(0).predictedRps());
        List<PointOutcome> fast = List.of(point(H100, 1, 10, 5), point(H100, 2, 15, 6), point(H100, 4, 30, 7));
        assertEquals(4 / 0.17, KneeCapacity.of(fast, 2.0).curves().get(0).predictedRps(), 1e-9);
    }

    @Test
    void theSummaryCountsCurvesPredictedTooHighAndTooLow() {
        List<PointOutcome> outcomes = new ArrayList<>();
        outcomes.addAll(List.of(point(H100, 1, 10, 10), point(H100, 2, 15, 15), point(H100, 4, 30, 30)));
        outcomes.addAll(List.of(point(H200, 1, 10, 5), point(H200, 2, 15, 6), point(H200, 4, 30, 7)));
        KneeCapacity.Summary s = KneeCapacity.of(outcomes, 2.0).summary();
        assertEquals(2, s.curves());
        assertEquals(0.5, s.over(), 1e-12);
        assertEquals(0.0, s.under(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> KneeCapacity.of(outcomes, 1.0));
    }
}
