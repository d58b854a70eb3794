package io.fleetsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unit of work is a pure function of its fields and travels as JSON both ways, so it can run
 * on another thread, process or machine and give the same result.
 */
class WorkUnitTest {

    private static WorkUnit unit() {
        SweepSpec spec = SweepFixtures.spec(List.of("pools[servers].replicas=6"), List.of());
        return spec.units(spec.grid().configurations().get(0), 1, 2).get(0);
    }

    @Test
    void unitsAndResultsRoundTripThroughJson() throws Exception {
        WorkUnit u = unit();
        String json = SweepJson.write(u);
        WorkUnit back = SweepJson.read(json, WorkUnit.class);
        assertEquals(u, back);

        PointResult r = back.run();
        assertEquals(r, SweepJson.read(SweepJson.write(r), PointResult.class));
        assertEquals(u.key(), r.key());
        assertEquals(1, r.key().replication());

        PointMetrics nan = new PointMetrics(Double.NaN, 0, 1, 2, 3, Double.NaN,
                List.of(new PoolSpend("p", "reserved", 1, 2, 0.5)), 1000);
        PointResult withNaN = new PointResult(r.key(), r.settings(), nan);
        assertEquals(withNaN, SweepJson.read(SweepJson.write(withNaN), PointResult.class));
    }

    @Test
    void sameUnitSameResultAnotherReplicationAnotherResult() {
        WorkUnit u = unit();
        assertEquals(u.run(), u.run());
        WorkUnit other = new WorkUnit(u.scenario(), u.horizonSeconds(), u.settings(), 2,
                ReplicationSeeds.seed(11, 2));
        assertNotEquals(u.run().metrics(), other.run().metrics());
    }

    @Test
    void theHorizonOverrideIsPartOfTheKey() {
        WorkUnit u = unit();
        WorkUnit shorter = new WorkUnit(u.scenario(), 600.0, u.settings(), u.replication(), u.seed());
        assertNotEquals(u.key(), shorter.key());
        assertEquals(600, shorter.run().metrics().totalCostUsd() / 6 * 3600, 1e-6);
    }
}
