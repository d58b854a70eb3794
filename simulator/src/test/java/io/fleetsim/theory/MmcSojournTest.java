package io.fleetsim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MmcSojournTest {

    @Test
    void oneServerIsExponentialAtMuMinusLambda() {
        // M/M/1: the time in system is Exp(mu - lambda).
        for (double t : new double[] {0.1, 1, 3, 10}) {
            assertEquals(1 - Math.exp(-(2 - 1.5) * t), MmcSojourn.within(1.5, 2, 1, t), 1e-12, "t = " + t);
        }
    }

    @Test
    void theEqualRatesCaseJoinsTheGeneralFormula() {
        // theta = c mu - lambda = mu at lambda = (c - 1) mu: the closed form's limit, (1 + mu t) e^{-mu t},
        // must meet the general formula just beside it.
        double mu = 1;
        int c = 3;
        double t = 2.5;
        double atLimit = MmcSojourn.within(2 * mu, mu, c, t);
        assertEquals(atLimit, MmcSojourn.within(2 * mu - 1e-6, mu, c, t), 1e-5);
        assertEquals(atLimit, MmcSojourn.within(2 * mu + 1e-6, mu, c, t), 1e-5);
    }

    @Test
    void moreServersNeverServeWorseAndAnUnstableQueueNever() {
        assertEquals(0, MmcSojourn.within(4, 1, 4, 100));
        double previous = 0;
        for (int c = 5; c < 12; c++) {
            double p = MmcSojourn.within(4, 1, c, 2);
            assertTrue(p > previous && p < 1, "c = " + c + ": " + p);
            previous = p;
        }
        // the service alone bounds it: P(S <= t) = 1 - e^{-mu t}
        assertTrue(previous < 1 - Math.exp(-2) + 1e-12);
    }
}
