package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel model's fitted parameters on the unit cube, the request latency's growth per request in flight among them. */
class KernelOverheadSpaceTest {

    private static final KernelOverheadSpace SPACE = KernelOverheadSpace.INSTANCE;

    @Test
    void eachParameterIsItsUnitValueSquaredTimesItsLimit() {
        EngineParameters p = SPACE.parameters(new double[]{0.5, 0.5, 0, 0.1, 0.3});
        assertEquals(0.010, p.performance().engineIterationSeconds(), 1e-12);
        assertEquals(100e-6, p.performance().engineSequenceSeconds(), 1e-12);
        assertEquals(0.010, p.requestLatencySeconds(), 1e-12);
        assertEquals(0.010, p.performance().requestLatencySeconds(), 1e-12);
        assertEquals(0.9e-3, p.performance().requestLatencyPerInFlightSeconds(), 1e-12);
        assertArrayEquals(new double[]{0.5, 0.5, 0, 0.1, 0.3}, SPACE.unit(p), 1e-9);
    }

    @Test
    void aGrowthAtItsLimitIsSaid() {
        EngineParameters p = SPACE.parameters(new double[]{0.5, 0.5, 0.5, 0.5, 1});
        assertEquals(List.of("request_latency_per_in_flight at its upper limit 10.0 ms"), SPACE.atLimits(p));
    }
}
