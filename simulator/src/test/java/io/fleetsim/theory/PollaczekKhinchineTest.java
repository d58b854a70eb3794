package io.fleetsim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PollaczekKhinchineTest {

    @Test
    void exponentialServiceAgreesWithErlangCForOneServer() {
        // Exponential service: E[S^2] = 2 E[S]^2.
        double lambda = 0.8;
        double meanService = 1.1;
        assertEquals(ErlangC.meanWait(lambda, meanService, 1),
                PollaczekKhinchine.meanWait(lambda, meanService, 2 * meanService * meanService), 1e-12);
    }

    @Test
    void deterministicServiceByHand() {
        // lambda = 0.5, D = 1: rho = 0.5, Wq = rho D / (2 (1 - rho)) = 0.5, half of M/M/1's 1.0.
        assertEquals(0.5, PollaczekKhinchine.meanWaitDeterministic(0.5, 1.0), 1e-15);
        assertEquals(0.5 * ErlangC.meanWait(0.5, 1.0, 1), PollaczekKhinchine.meanWaitDeterministic(0.5, 1.0), 1e-15);
    }

    @Test
    void rejectsSaturationAndImpossibleMoments() {
        assertThrows(IllegalArgumentException.class, () -> PollaczekKhinchine.meanWaitDeterministic(1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> PollaczekKhinchine.meanWait(0.5, 1.0, 0.9));
        assertThrows(IllegalArgumentException.class, () -> PollaczekKhinchine.meanWait(0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PollaczekKhinchine.meanWait(-0.5, 1, 1));
    }
}
