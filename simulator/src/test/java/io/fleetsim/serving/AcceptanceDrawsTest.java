package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.spec.AcceptanceSpec;
import io.fleetsim.spec.SpeculativeSpec;
import io.fleetsim.workload.Request;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Each request's acceptance rate: drawn from its route's distribution by a number that depends on
 * the request alone. 10,000 requests, so a share's binomial standard error is at most 0.005 and
 * the tolerances are 4 of them.
 */
class AcceptanceDrawsTest {

    private static final int N = 10_000;

    private static double[] rates(AcceptanceSpec a) {
        AcceptanceDraws draws = new AcceptanceDraws(new SpeculativeSpec(SpeculativeSpec.MTP, 4, a, List.of(), null));
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            out[i] = draws.rate(new Request(i, 0, i * 0.37, 100, 10));
        }
        return out;
    }

    @Test
    void betaRatesFollowTheBeta() {
        AcceptanceSpec.Beta beta = new AcceptanceSpec.Beta(0.6, 0.2);
        assertEquals(3, beta.alpha(), 1e-12, "c = 0.24 / 0.04 - 1 = 5; alpha = 0.6 x 5");
        assertEquals(2, beta.beta(), 1e-12, "beta = 0.4 x 5");
        double[] r = rates(beta);
        BetaDistribution truth = new BetaDistribution(3, 2);
        for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            double q = truth.inverseCumulativeProbability(p);
            long below = Arrays.stream(r).filter(x -> x <= q).count();
            assertEquals(p, (double) below / N, 0.02, "share below the Beta's " + p + " quantile");
        }
        double mean = Arrays.stream(r).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / (N - 1));
        assertEquals(0.6, mean, 4 * 0.2 / Math.sqrt(N));
        assertEquals(0.2, sd, 0.01);
    }

    @Test
    void uniformAndFixedRates() {
        double[] u = rates(new AcceptanceSpec.Uniform(0.2, 0.6));
        assertTrue(Arrays.stream(u).allMatch(x -> x >= 0.2 && x <= 0.6));
        assertEquals(0.4, Arrays.stream(u).average().orElseThrow(), 4 * 0.4 / Math.sqrt(12 * N));
        assertTrue(Arrays.stream(rates(new AcceptanceSpec.Fixed(0.7))).allMatch(x -> x == 0.7));
    }

    @Test
    void aRequestKeepsItsRateAndEachRouteHasItsOwn() {
        SpeculativeSpec spec = new SpeculativeSpec(SpeculativeSpec.DRAFT, 3, new AcceptanceSpec.Uniform(0, 1),
                List.of(new AcceptanceSpec.Uniform(0, 1), new AcceptanceSpec.Fixed(1)), null);
        AcceptanceDraws draws = new AcceptanceDraws(spec);
        Request first = new Request(7, 0, 12.5, 100, 10);
        assertEquals(draws.rate(first), draws.rate(first.retryAt(30)), 0, "a retry keeps its rate");
        assertEquals(draws.rate(first), new AcceptanceDraws(spec).rate(first), 0, "no state: the same draw");
        assertNotEquals(draws.rate(first), draws.rate(new Request(8, 0, 12.5, 100, 10)));
        assertNotEquals(draws.rate(first), draws.rate(new Request(7, 0, 12.6, 100, 10)),
                "another seed's arrival time, another draw");
        Request code = new Request(7, 1, 12.5, 100, 10);
        assertEquals(1, draws.rate(code), 0);
        assertEquals(4, draws.tokensPerStep(code), 0, "k + 1 at acceptance 1");
        assertEquals(draws.rate(first), draws.rate(new Request(7, 2, 12.5, 100, 10)), 0,
                "a route beyond the list has the pool's acceptance");
        double u = AcceptanceDraws.uniform(first);
        assertTrue(u > 0 && u < 1);
        assertEquals(u, draws.rate(first), 0, "uniform on [0, 1] is the draw itself");
    }
}
