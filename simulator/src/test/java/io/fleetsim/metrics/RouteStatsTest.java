package io.fleetsim.metrics;

import io.fleetsim.spec.SloSpec;
import io.fleetsim.workload.RejectCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.workload.WasteCause;
import org.junit.jupiter.api.Test;

/**
 * One route's counters on hand-made requests: the SLO judgement, the split of tokens into useful
 * and wasted by cause, outcomes adding up to arrivals, and fleet totals as the sum of routes.
 */
class RouteStatsTest {

    private static RouteStats route() {
        return new RouteStats(new SloSpec(1.0, 0.05, 99));
    }

    @Test
    void aCompletionWithinBothTargetsIsUsefulAndOneOutsideEitherIsWaste() {
        RouteStats r = route();
        assertEquals(300, r.recordCompletion(100, 200, 0, 0.5, 0.05, 10, true), "at the targets counts as within");
        assertEquals(0, r.recordCompletion(100, 200, 0, 1.5, 0.01, 10, true), "TTFT too slow");
        assertEquals(0, r.recordCompletion(100, 200, 0, 0.5, 0.06, 10, true), "TPOT too slow");
        assertEquals(0, r.recordCompletion(100, 200, 0, 0.5, 0.01, 10, false), "within SLO, rejected on quality");
        TokenCounts t = r.tokenCounts();
        assertEquals(400, t.input());
        assertEquals(800, t.output());
        assertEquals(300, t.useful());
        assertEquals(200, t.usefulOutput());
        assertEquals(600, t.wasted().get(WasteCause.OUTSIDE_SLO.id()));
        assertEquals(300, t.wasted().get(WasteCause.REJECTED_QUALITY.id()));
        assertEquals(t.input() + t.output(), t.useful() + t.wasted().get(WasteCause.OUTSIDE_SLO.id())
                + t.wasted().get(WasteCause.REJECTED_QUALITY.id()), "completed tokens are useful or wasted");
        assertEquals(2, r.requestCounts().withinSlo());
        assertEquals(1, r.rejectedAnswers());
        assertFalse(t.wasted().containsKey(WasteCause.REJECTED_DRAFT.id()), "listed only when speculating");
    }

    @Test
    void outcomesAddUpToArrivalsWithTheRestInFlight() {
        RouteStats r = route();
        for (int i = 0; i < 6; i++) {
            r.recordArrival();
        }
        r.recordCompletion(10, 10, 0, 0.1, 0.01, 1, true);
        r.recordRejection(RejectCause.QUEUE_FULL);
        r.recordRejection(RejectCause.QUEUE_FULL);
        r.recordCancellation();
        r.recordDisconnect(5, 7);
        RequestCounts c = r.requestCounts();
        assertEquals(6, c.arrived());
        assertEquals(1, c.completed());
        assertEquals(2, c.rejected());
        assertEquals(2L, c.rejectedByCause().get(RejectCause.QUEUE_FULL.id()));
        assertEquals(2, c.cancelled(), "a disconnect is a cancellation");
        assertEquals(1, c.inFlightAtEnd());
        assertEquals(1, r.disconnected());
        assertEquals(5, r.tokenCounts().wasted().get(WasteCause.CANCELLED.id()));
        assertEquals(7, r.tokenCounts().wasted().get(WasteCause.AFTER_DISCONNECT.id()));
        assertEquals(1.0 / 5, new RequestCounts(6, 1, 2, 2, 1, 1, c.rejectedByCause()).sloAttainment(), 1e-12,
                "within SLO over the five that reached an outcome");
    }

    @Test
    void prefixHitRateAndDraftsAreSharesOfWhatWasLookedUpAndProposed() {
        RouteStats r = route();
        assertTrue(Double.isNaN(r.prefixCacheHitRate()), "nothing admitted yet");
        r.recordPrefixLookup(1000, 250);
        r.recordPrefixLookup(1000, 0);
        assertEquals(0.125, r.prefixCacheHitRate(), 1e-12);
        r.recordDrafts(10, 7);
        assertEquals(3, r.tokenCounts().wasted().get(WasteCause.REJECTED_DRAFT.id()));
        r.recordPreemption(40);
        assertEquals(1, r.preemptions());
        assertEquals(40, r.tokenCounts().wasted().get(WasteCause.PREEMPTED_RECOMPUTE.id()));
    }

    @Test
    void fleetTotalsAreTheSumOfRoutes() {
        RouteStats a = route();
        RouteStats b = route();
        a.recordArrival();
        a.recordCompletion(10, 20, 0.2, 0.3, 0.01, 1, true);
        b.recordArrival();
        b.recordArrival();
        b.recordCompletion(5, 5, 0.4, 2.0, 0.01, 3, true);
        b.recordRejection(RejectCause.QUEUE_FULL);
        RouteStats total = new RouteStats(null);
        total.add(a);
        total.add(b);
        assertEquals(3, total.requestCounts().arrived());
        assertEquals(2, total.requestCounts().completed());
        assertEquals(1, total.requestCounts().rejected());
        assertEquals(30, total.tokenCounts().useful());
        assertEquals(10, total.tokenCounts().wasted().get(WasteCause.OUTSIDE_SLO.id()));
        assertEquals(2, total.latencies().e2e().count());
    }

    @Test
    void theSloIsJudgedAtItsPercentileOnTtftAndOnTpotOfMultiTokenAnswers() {
        RouteStats r = route(); // TTFT 1 s, TPOT 50 ms, at the 99th percentile
        assertTrue(r.sloCheck().met(), "vacuously met with nothing completed");
        for (int i = 0; i < 99; i++) {
            r.recordCompletion(10, 10, 0, 0.5, 0.02, 1, true);
        }
        r.recordCompletion(10, 10, 0, 3.0, 0.02, 4, true);
        // 1 slow answer in 100: the 99th percentile (the 99th value) is a fast one
        RouteSloCheck check = r.sloCheck();
        assertEquals(99, check.percentile());
        assertEquals(500, check.ttftMs(), 0.5, "within HdrHistogram's 3 significant digits");
        assertEquals(20, check.tpotMs(), 0.02);
        assertTrue(check.met());
        assertEquals((99 * 1 + 4) / 100.0 * 1e3, r.latencies().e2e().meanMs(), 1e-9, "the mean is exact");
        // a one-token answer has no TPOT, so its huge one is not counted
        r.recordCompletion(10, 1, 0, 0.5, 10, 1, true);
        assertEquals(101, r.latencies().ttft().count());
        assertEquals(100, r.latencies().tpot().count());
        assertTrue(r.sloCheck().met());
        // 2 slow answers in 102: the 99th percentile (the 101st value) is a slow one
        r.recordCompletion(10, 10, 0, 3.0, 0.02, 4, true);
        assertEquals(3000, r.sloCheck().ttftMs(), 3);
        assertFalse(r.sloCheck().met());
    }

    @Test
    void aReaskedAnswerIsARejectedAnswerAndAllItsTokensAreWaste() {
        RouteStats r = route();
        r.recordCompletion(100, 200, 0, 0.5, 0.01, 10, true);
        r.recordReasked(300);
        TokenCounts t = r.tokenCounts();
        assertEquals(1, r.rejectedAnswers());
        assertEquals(300, t.reasked());
        assertEquals(300, t.wasted().get(WasteCause.REJECTED_QUALITY.id()));
        assertEquals(300, t.useful(), "the answer kept stays useful");
        assertEquals(1, r.requestCounts().completed(), "asking again is no new request");
    }
}
