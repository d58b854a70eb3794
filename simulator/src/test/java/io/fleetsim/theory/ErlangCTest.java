package io.fleetsim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void singleServerReducesToMm1() {
        for (double rho : new double[] {0.1, 0.5, 0.9, 0.99}) {
            double mu = 2.0;
            double lambda = rho * mu;
            // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda).
            assertEquals(rho, ErlangC.probabilityOfWaiting(lambda, 1 / mu, 1), 1e-12);
            assertEquals(rho / (mu - lambda), ErlangC.meanWait(lambda, 1 / mu, 1), 1e-12 * rho / (mu - lambda));
        }
    }

    @Test
    void twoServersByHand() {
        // lambda = 3, E[S] = 0.5 (mu = 2), c = 2: a = 1.5 Erlangs, rho = 0.75.
        // P0 = [1 + a + a^2 / (2! (1 - rho))]^-1 = [1 + 1.5 + 2.25 / 0.5]^-1 = 1/7
        // C  = a^2 / (2! (1 - rho)) * P0 = 4.5 / 7 = 9/14
        // Wq = C / (c mu - lambda) = (9/14) / (4 - 3) = 9/14
        assertEquals(9.0 / 14, ErlangC.probabilityOfWaiting(3, 0.5, 2), 1e-14);
        assertEquals(9.0 / 14, ErlangC.meanWait(3, 0.5, 2), 1e-14);
    }

    @Test
    void textbookValuesOfTheClosedForm() {
        // M/M/1 at rho = 0.5, mu = 1: Wq = rho / (mu - lambda) = 1.
        assertEquals(0.5 / (1 - 0.5), ErlangC.meanWait(0.5, 1, 1), 1e-12);
        // M/M/2 with a = 1: P(wait) = (a^2/2!) (2/(2-a)) / (1 + a + (a^2/2!) (2/(2-a))) = 1/3, Wq = (1/3) / (2 - 1).
        assertEquals(1.0 / 3, ErlangC.probabilityOfWaiting(1, 1, 2), 1e-12);
        assertEquals(1.0 / 3, ErlangC.meanWait(1, 1, 2), 1e-12);
    }

    @Test
    void largeServerCountsMatchExactReferenceValues() {
        // References from the closed form in exact rational arithmetic (Python fractions), where the
        // factorials and powers are no problem; floating point needs the Erlang B recursion here.
        // c = 100, a = 90 Erlangs (rho = 0.9), E[S] = 1:
        assertEquals(0.21694048090636638, ErlangC.probabilityOfWaiting(90, 1, 100), 1e-13);
        assertEquals(0.021694048090636638, ErlangC.meanWait(90, 1, 100), 1e-14);
        // c = 1000, a = 950 Erlangs (rho = 0.95): a^c alone would overflow a double.
        assertEquals(0.06825341537714142, ErlangC.probabilityOfWaiting(950, 1, 1000), 1e-13);
        assertEquals(0.0013650683075428285, ErlangC.meanWait(950, 1, 1000), 1e-15);
    }

    @Test
    void meanWaitScalesWithServiceTime() {
        // Same offered load and servers, service twice as long: the wait doubles.
        double base = ErlangC.meanWait(6, 1.0, 8);
        assertEquals(2 * base, ErlangC.meanWait(3, 2.0, 8), 1e-14);
    }

    @Test
    void probabilityOfWaitingIsAProbabilityAndIncreasesWithLoad() {
        double previous = 0;
        for (int i = 1; i < 100; i++) {
            double p = ErlangC.probabilityOfWaiting(0.01 * i * 16, 1, 16);
            assertTrue(p > previous && p < 1, "rho " + 0.01 * i + ": " + p);
            previous = p;
        }
        assertEquals(0.0, ErlangC.meanWait(0, 1, 4));
    }

    @Test
    void rejectsUtilizationOfOneOrMoreAndBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ErlangC.meanWait(4, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.meanWait(5, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.probabilityOfWaiting(2, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.meanWait(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.meanWait(-1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.meanWait(1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.meanWait(Double.NaN, 1, 2));
    }
}
