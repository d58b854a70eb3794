package io.fleetsim.sweep;

import static io.fleetsim.sweep.SweepFixtures.LAMBDA;
import static io.fleetsim.sweep.SweepFixtures.MU;
import static io.fleetsim.sweep.SweepFixtures.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.theory.MmcSojourn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimizer on a question answered by construction: how many M/M/c servers at $1 an hour
 * give 99% of jobs a time in system (wait + service, the queueing server's TTFT) within 8 s?
 * Cost per useful token grows with the server count once the SLO is met, so the answer is the
 * fewest servers whose exact attainment, from Erlang C, reaches 99%.
 */
@Tag("statistical")
class OptimizerTest {

    private static final String SERVERS = "pools[servers].replicas";
    private static final double TARGET = 0.99;

    @TempDir
    Path tmp;

    private OptimizeResult optimize(String vary, boolean exhaustive) throws IOException, InterruptedException {
        SweepSpec spec = SweepFixtures.spec(List.of(vary), List.of("slo_attainment>=" + TARGET));
        try (ResultsLog log = ResultsLog.open(tmp.resolve(exhaustive + ".jsonl"));
             PointExecutor executor = new PointExecutor(2, log)) {
            return Optimizer.run(spec, new OptimizeOptions(Metric.COST_PER_USEFUL_MTOK, 3, 10, exhaustive), executor,
                    BatchProgress.NONE);
        }
    }

    @Test
    void theAnswerIsClearCut() {
        int c = MmcSojourn.fewestServers(LAMBDA, MU, T, TARGET);
        assertEquals(6, c);
        // far enough either side of the target for a fair test with a few one-hour replications
        assertTrue(MmcSojourn.within(LAMBDA, MU, c, T) > TARGET + 0.009);
        assertTrue(MmcSojourn.within(LAMBDA, MU, c - 1, T) < TARGET - 0.015);
        // M/M/1 check of the formula: the sojourn time is Exp(mu - lambda)
        assertEquals(1 - Math.exp(-(1 - 0.5) * 3), MmcSojourn.within(0.5, 1, 1, 3), 1e-12);
    }

    @Test
    void bisectionFindsTheServerCountErlangCGives() throws Exception {
        int exact = MmcSojourn.fewestServers(LAMBDA, MU, T, TARGET);
        OptimizeResult r = optimize(SERVERS + "=1..12", false);

        assertNotNull(r.best());
        assertEquals(String.valueOf(exact), r.best().configuration().valueOf(SERVERS));
        assertEquals(Verdict.MET, r.best().verdict(), "met with 95% confidence, not marginal");
        assertTrue(r.best().estimate(Metric.SLO_ATTAINMENT).lower() >= TARGET);
        assertTrue(r.stats().evaluated() <= 5, "bisection over 12 counts simulates about log2(12): "
                + r.stats().evaluated());
        for (PointSummary p : r.evaluated()) {
            int c = Integer.parseInt(p.configuration().valueOf(SERVERS));
            double exactAttainment = MmcSojourn.within(LAMBDA, MU, c, T);
            if (p.verdict() == Verdict.MET) {
                assertTrue(exactAttainment >= TARGET, c + " servers judged to meet the SLO");
            }
            if (p.verdict() == Verdict.MISSED) {
                assertTrue(exactAttainment < TARGET, c + " servers judged to miss the SLO");
            }
            assertTrue(p.n() >= 3 && p.n() <= 10, "between the minimum and maximum replications");
        }
    }

    @Test
    void exhaustiveSearchAgreesAndOnlyAddsReplicationsNearTheThreshold() throws Exception {
        int exact = MmcSojourn.fewestServers(LAMBDA, MU, T, TARGET);
        OptimizeResult r = optimize(SERVERS + "=3..8", true);

        assertEquals(6, r.evaluated().size(), "every configuration simulated");
        assertEquals(String.valueOf(exact), r.best().configuration().valueOf(SERVERS));
        for (PointSummary p : r.evaluated()) {
            Estimate slo = p.estimate(Metric.SLO_ATTAINMENT);
            boolean straddledAtStart = p.n() > 3;
            if (!straddledAtStart) {
                assertTrue(slo.lower() >= TARGET || slo.upper() < TARGET, "3 replications were enough");
            }
        }
        // three servers are hopeless (utilization 1.5): no replications beyond the first three
        assertEquals(3, r.evaluated().get(0).n());
    }
}
