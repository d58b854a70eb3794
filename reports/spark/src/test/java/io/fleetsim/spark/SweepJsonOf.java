package io.fleetsim.spark;

import io.fleetsim.sweep.SweepJson;
import io.fleetsim.sweep.WorkUnit;

/** The JSON a unit travels to an executor as, for tests that pick a unit out. */
final class SweepJsonOf {

    private SweepJsonOf() {
    }

    static String unit(WorkUnit unit) {
        return SweepJson.write(unit);
    }
}
