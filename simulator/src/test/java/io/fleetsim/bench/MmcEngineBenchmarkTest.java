package io.fleetsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.theory.ErlangC;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the engine against queueing theory: independent replications of the M/M/c model, each
 * started empty, give a Student-t interval for the mean wait that must cover the Erlang C value
 * within three half-widths. The seeds are fixed, so the outcome is deterministic.
 */
@Tag("statistical")
class MmcEngineBenchmarkTest {

    private static void assertMeanWaitMatchesErlangC(int servers, double utilization, int replications,
                                                     long customersPerReplication, double maxRelativeHalfWidth) {
        SummaryStatistics waits = new SummaryStatistics();
        double exact = ErlangC.meanWait(utilization * servers, 1.0, servers);
        for (int r = 0; r < replications; r++) {
            MmcEngineBenchmark.Result result = MmcEngineBenchmark.run(servers, utilization, customersPerReplication,
                    1000L + r);
            assertEquals(customersPerReplication, result.customers());
            assertEquals(2 * customersPerReplication, result.events(), "one arrival and one departure each");
            assertEquals(exact, result.meanWaitErlangC(), 1e-15);
            waits.addValue(result.meanWaitSimulated());
        }
        double t = new TDistribution(null, replications - 1).inverseCumulativeProbability(0.975);
        double halfWidth = t * waits.getStandardDeviation() / Math.sqrt(replications);
        String summary = String.format("c=%d rho=%.2f: simulated %.5f +- %.5f (95%%), Erlang C %.5f",
                servers, utilization, waits.getMean(), halfWidth, exact);
        assertTrue(Math.abs(waits.getMean() - exact) <= 3 * halfWidth, summary);
        // Guards against a vacuous pass from a huge interval.
        assertTrue(halfWidth < maxRelativeHalfWidth * exact, summary);
    }

    @Test
    void moderateLoadMatchesErlangC() {
        assertMeanWaitMatchesErlangC(4, 0.7, 10, 20_000, 0.10);
    }

    @Test
    void heavyLoadMatchesErlangC() {
        // At rho = 0.9 waits are strongly autocorrelated, so replications must be longer.
        assertMeanWaitMatchesErlangC(8, 0.9, 10, 200_000, 0.12);
    }

    @Test
    void sameSeedReproducesTheSamePath() {
        MmcEngineBenchmark.Result a = MmcEngineBenchmark.run(3, 0.8, 5_000, 5);
        MmcEngineBenchmark.Result b = MmcEngineBenchmark.run(3, 0.8, 5_000, 5);
        assertEquals(a.meanWaitSimulated(), b.meanWaitSimulated());
        assertTrue(a.eventsPerSecond() > 0 && a.wallSeconds() > 0);
    }

    @Test
    void warmUpAndRunReturnsTheMeasuredRun() {
        MmcEngineBenchmark.Result measured = MmcEngineBenchmark.warmUpAndRun(2, 0.5, 2_000, 11);
        assertEquals(MmcEngineBenchmark.run(2, 0.5, 2_000, 11).meanWaitSimulated(), measured.meanWaitSimulated());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> MmcEngineBenchmark.run(0, 0.5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> MmcEngineBenchmark.run(2, 1.0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> MmcEngineBenchmark.run(2, 0.0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> MmcEngineBenchmark.run(2, 0.5, 0, 1));
    }
}
