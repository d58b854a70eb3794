package io.fleetsim.fleet;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.DisruptionKind;
import io.fleetsim.metrics.DisruptionWindow;
import io.fleetsim.metrics.DisruptionWindows;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.RollingDeploySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One rolling deploy of a pool (see {@link RollingDeploySpec}): the replicas running when it
 * starts are replaced a batch at a time, the oldest first. A batch stops taking work and drains;
 * when the drain time is over, what it still serves is lost and goes back to the router, and its
 * replacements are asked for, serving after the replacement time; then the next batch starts.
 * While a batch is out the pool may not replace it otherwise.
 */
final class RollingDeploy implements EventHandler {

    private static final long START_BATCH = 0;
    private static final long DRAIN_OVER = 1;

    private final Simulator sim;
    private final int handlerId;
    private final RollingDeploySpec spec;
    private final Pool pool;
    private final DisruptionWindows windows;
    private final double horizon;
    private DisruptionWindow window;
    /** Replicas numbered from here were launched after the deploy began: they run the new version. */
    private int firstNew;
    private int batchSize;
    private List<Replica> batch = List.of();

    RollingDeploy(Simulator sim, RollingDeploySpec spec, Pool pool, DisruptionWindows windows, double horizon) {
        this.sim = sim;
        this.spec = spec;
        this.pool = pool;
        this.windows = windows;
        this.horizon = horizon;
        this.handlerId = sim.register(this);
    }

    /** Schedules the first batch. */
    void start() {
        sim.schedule(spec.atSeconds(), handlerId, START_BATCH);
    }

    @Override
    public void handle(long payload) {
        if (payload == START_BATCH) {
            startBatch();
        } else {
            drainOver();
        }
    }

    private void startBatch() {
        double now = sim.now();
        if (window == null) {
            window = windows.open(DisruptionKind.ROLLING_DEPLOY, pool.spec().name(), spec.name(), now);
            firstNew = pool.launchedSoFar();
            batchSize = (int) Math.ceil(spec.batchShare() * pool.runningReplicas().size() - 1e-9);
        }
        List<Replica> next = new ArrayList<>();
        for (Replica r : pool.runningReplicas()) {
            if (next.size() < batchSize && r.number < firstNew && r.state == ReplicaState.SERVING) {
                next.add(r);
            }
        }
        if (next.isEmpty()) {
            window.close(now);
            return;
        }
        batch = next;
        pool.holdOut(batch.size());
        for (Replica r : batch) {
            pool.stopTakingWork(r, now);
        }
        double out = batch.size() * Math.max(0, Math.min(spec.drainSeconds() + spec.replaceSeconds(), horizon - now));
        pool.ledger().outOfService(out);
        window.tookOut(batch.size(), out);
        sim.schedule(now + spec.drainSeconds(), handlerId, DRAIN_OVER);
    }

    private void drainOver() {
        double now = sim.now();
        int interrupted = 0;
        double emptied = 0;
        for (Replica r : batch) {
            if (r.state == ReplicaState.GONE) {
                // Drained early: its slot stood empty. One killed meanwhile (a failure, a zone) is paid there.
                emptied += r.killed ? 0 : now - r.since;
            } else {
                interrupted += pool.interrupt(r, now);
            }
        }
        window.interrupted(interrupted);
        if (pool.spec().kind() == PoolKind.RESERVED) {
            pool.ledger().paidWhileGone(emptied);
        }
        pool.holdOut(-batch.size());
        int replacements = pool.spec().capacity().scaling() != null ? batch.size()
                : Math.min(batch.size(), pool.spec().replicas() - pool.activeReplicas());
        for (int k = 0; k < replacements; k++) {
            pool.launchWarming(spec.replaceSeconds());
        }
        sim.schedule(now + spec.replaceSeconds(), handlerId, START_BATCH);
    }
}
