package io.fleetsim.fleet;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.FailureSpec;
import io.fleetsim.spec.PoolKind;
import java.util.List;

/**
 * Where GPU and node failures happen on a pool (see {@link FailureSpec}): each replica fails after
 * an exponential time and/or at replayed times; what it served is lost and re-routed, the replica
 * is down for the repair time (paid when the pool is reserved), then a replacement is asked for.
 */
final class FailureModel implements EventHandler {

    private static final int FAIL = 0;
    private static final int REPLAYED = 1;
    private static final int REPAIRED = 2;
    private static final int KIND_BITS = 2;

    private final Simulator sim;
    private final int handlerId;
    private final FailureSpec spec;
    private final RandomStream clock;
    private final Pool pool;
    private final double horizon;

    FailureModel(Simulator sim, FailureSpec spec, RandomStream clock, Pool pool, double horizon) {
        this.sim = sim;
        this.spec = spec;
        this.clock = clock;
        this.pool = pool;
        this.horizon = horizon;
        this.handlerId = sim.register(this);
    }

    /** Schedules the replayed failures. */
    void start() {
        List<Double> times = spec.at();
        for (double t : times) {
            sim.schedule(t, handlerId, encode(0, REPLAYED));
        }
    }

    /** A replica was just requested: draw when one of its GPUs fails. */
    void launched(Replica r, double now) {
        if (spec.mtbfPerGpuSeconds() > 0) {
            double mean = spec.mtbfPerGpuSeconds() / Math.max(1, pool.spec().server().gpusPerReplica());
            sim.schedule(now + clock.nextExponential(mean), handlerId, encode(r.number, FAIL));
        }
    }

    @Override
    public void handle(long payload) {
        int kind = (int) (payload & ((1 << KIND_BITS) - 1));
        int n = (int) (payload >>> KIND_BITS);
        switch (kind) {
            case FAIL -> fail(pool.replica(n));
            case REPLAYED -> fail(pool.oldestNotNoticed());
            default -> {
                if (pool.spec().capacity().scaling() == null) {
                    pool.scaleTo(pool.spec().replicas());
                }
            }
        }
    }

    private void fail(Replica r) {
        if (r == null || (r.state != ReplicaState.SERVING && r.state != ReplicaState.DRAINING)) {
            return;
        }
        double now = sim.now();
        double down = Math.max(0, Math.min(spec.repairSeconds(), horizon - now));
        pool.ledger().failed(down, pool.spec().kind() == PoolKind.RESERVED);
        pool.interrupt(r, now);
        sim.schedule(now + spec.repairSeconds(), handlerId, encode(0, REPAIRED));
    }

    private static long encode(int number, int kind) {
        return ((long) number << KIND_BITS) | kind;
    }
}
