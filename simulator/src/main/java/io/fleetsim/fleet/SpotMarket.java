package io.fleetsim.fleet;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.SpotSpec;
import java.util.List;

/**
 * Where spot preemption happens: the provider's side of a spot pool. Each replica is interrupted
 * after an exponential time (mean time between interruptions) and/or at the replayed times of a
 * measured trace (then the oldest replica goes). At the notice the replica stops taking work (and
 * a fixed-size pool asks for a replacement, retrying when an unavailability window ends); at the
 * interruption whatever it still serves is lost and goes back to the router.
 */
final class SpotMarket implements EventHandler {

    private static final int NOTICE = 0;
    private static final int INTERRUPT = 1;
    private static final int REPLAYED_NOTICE = 2;
    private static final int RETRY_START = 3;
    private static final int KIND_BITS = 2;

    private final Simulator sim;
    private final int handlerId;
    private final SpotSpec spot;
    private final RandomStream clock;
    private final Pool pool;

    SpotMarket(Simulator sim, SpotSpec spot, RandomStream clock, Pool pool) {
        this.sim = sim;
        this.spot = spot;
        this.clock = clock;
        this.pool = pool;
        this.handlerId = sim.register(this);
    }

    /** Schedules the replayed interruptions (their notices first). */
    void start() {
        List<Double> times = spot.interruptions();
        for (int i = 0; i < times.size(); i++) {
            sim.schedule(Math.max(0, times.get(i) - spot.noticeSeconds()), handlerId, encode(i, REPLAYED_NOTICE));
        }
    }

    /** A replica was just requested: draw when the provider takes it back. */
    void launched(Replica r, double now) {
        if (spot.meanSecondsBetweenInterruptions() > 0) {
            double at = now + clock.nextExponential(spot.meanSecondsBetweenInterruptions());
            sim.schedule(Math.max(now, at - spot.noticeSeconds()), handlerId, encode(r.number, NOTICE));
            sim.schedule(at, handlerId, encode(r.number, INTERRUPT));
        }
    }

    /** Whether spot capacity can be had at {@code now}. */
    boolean available(double now) {
        return spot.availableAt(now);
    }

    @Override
    public void handle(long payload) {
        int kind = (int) (payload & ((1 << KIND_BITS) - 1));
        int n = (int) (payload >>> KIND_BITS);
        double now = sim.now();
        switch (kind) {
            case NOTICE -> notice(pool.replica(n), now);
            case INTERRUPT -> pool.interrupt(pool.replica(n), now);
            case REPLAYED_NOTICE -> replayedNotice(now);
            default -> pool.scaleTo(pool.spec().replicas());
        }
    }

    private void replayedNotice(double now) {
        Replica oldest = pool.oldestNotNoticed();
        if (oldest != null) {
            notice(oldest, now);
            sim.schedule(now + spot.noticeSeconds(), handlerId, encode(oldest.number, INTERRUPT));
        }
    }

    private void notice(Replica r, double now) {
        if (r.state == ReplicaState.GONE || r.noticed) {
            return;
        }
        r.noticed = true;
        pool.ledger().interrupted();
        pool.stopTakingWork(r, now);
        if (pool.spec().capacity().scaling() == null) {
            replaceLostCapacity(now);
        }
    }

    /** A fixed-size pool asks for a replacement, or retries when capacity returns. */
    private void replaceLostCapacity(double now) {
        int before = pool.ledger().failedScaleUps();
        pool.scaleTo(pool.spec().replicas());
        if (pool.ledger().failedScaleUps() > before) {
            double retryAt = nextAvailability(now);
            if (retryAt > now) {
                sim.schedule(retryAt, handlerId, encode(0, RETRY_START));
            }
        }
    }

    private double nextAvailability(double now) {
        double t = now;
        for (SpotSpec.Window w : spot.unavailable()) {
            if (t >= w.startSeconds() && t < w.endSeconds()) {
                t = w.endSeconds();
            }
        }
        return t;
    }

    private static long encode(int number, int kind) {
        return ((long) number << KIND_BITS) | kind;
    }
}
