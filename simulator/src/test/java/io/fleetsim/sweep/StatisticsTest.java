package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Student-t intervals, constraints judged on them, and what objectives and constraints accept. */
class StatisticsTest {

    @Test
    void studentTInterval() {
        Estimate e = Estimate.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3, e.mean(), 1e-12);
        // s = sqrt(2.5), t(0.975, 4) = 2.776445
        assertEquals(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), e.halfWidth(), 1e-5);
        assertTrue(Double.isNaN(Estimate.of(new double[] {7}).halfWidth()), "no interval from one value");
        assertTrue(Double.isNaN(Estimate.of(new double[] {1, Double.NaN}).mean()));
        assertEquals(0, Estimate.of(new double[] {2, 2, 2}).halfWidth());
    }

    @Test
    void pairedDifferencesCancelWhatTheReplicationsShare() {
        double[] a = {10, 20, 30, 40};
        double[] b = {11, 21, 31, 41.5};
        Estimate d = Estimate.ofDifference(b, a);
        assertEquals(1.125, d.mean(), 1e-12);
        assertTrue(d.halfWidth() < Estimate.of(a).halfWidth() / 10);
    }

    @Test
    void constraintsAreJudgedOnTheWholeInterval() {
        Constraint slo = Constraint.parse("slo_attainment>=0.99");
        assertEquals(Verdict.MET, slo.judge(new Estimate(0.995, 0.004, 5)));
        assertEquals(Verdict.MARGINAL, slo.judge(new Estimate(0.992, 0.004, 5)));
        assertEquals(Verdict.MARGINAL, slo.judge(new Estimate(0.988, 0.004, 5)));
        assertEquals(Verdict.MISSED, slo.judge(new Estimate(0.98, 0.004, 5)));
        assertEquals(Verdict.MARGINAL, slo.judge(new Estimate(0.995, Double.NaN, 1)), "no interval, no confidence");
        Constraint ttft = Constraint.parse(" ttft_p99_ms <= 2000 ");
        assertEquals(Verdict.MET, ttft.judge(new Estimate(1500, 100, 3)));
        assertEquals(Verdict.MISSED, ttft.judge(new Estimate(2500, 100, 3)));
        assertEquals(Verdict.MISSED, Verdict.combine(List.of(Verdict.MET, Verdict.MISSED, Verdict.MARGINAL)));
        assertEquals(Verdict.MARGINAL, Verdict.combine(List.of(Verdict.MET, Verdict.MARGINAL)));
    }

    @Test
    void constraintSyntax() {
        assertEquals(0.99, Constraint.parse("slo_attainment>=99%").threshold(), 1e-12);
        assertEquals("slo_attainment>=0.99", Constraint.parse("slo_attainment>=99%").toString());
        assertTrue(Constraint.parse("slo_attainment>=0.9").helpedByCapacity());
        assertTrue(Constraint.parse("ttft_p99_ms<=900").helpedByCapacity());
        assertTrue(!Constraint.parse("total_cost_usd<=100").helpedByCapacity());
        String unknown = assertThrows(IllegalArgumentException.class, () -> Constraint.parse("slo>=0.9")).getMessage();
        assertTrue(unknown.contains("unknown metric 'slo'") && unknown.contains("slo_attainment"), unknown);
        SweepInputException syntax = assertThrows(SweepInputException.class,
                () -> Constraint.parse("slo_attainment=0.9"));
        assertEquals(SweepInput.CONSTRAINT, syntax.input());
        assertEquals("slo_attainment=0.9", syntax.given());
        assertTrue(syntax.problem(SweepInput::description).startsWith("write METRIC>=VALUE"), syntax.getMessage());
    }

    @Test
    void nanIsWorseThanAnything() {
        assertTrue(Metric.COST_PER_USEFUL_MTOK.better(1, Double.NaN));
        assertTrue(!Metric.COST_PER_USEFUL_MTOK.better(Double.NaN, 1));
        assertTrue(Metric.SLO_ATTAINMENT.better(0.99, 0.98));
        assertTrue(Metric.COST_PER_USEFUL_MTOK.better(0.5, 0.6));
    }
}
