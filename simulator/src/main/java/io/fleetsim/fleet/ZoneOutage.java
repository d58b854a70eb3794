package io.fleetsim.fleet;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.DisruptionKind;
import io.fleetsim.metrics.DisruptionWindow;
import io.fleetsim.metrics.DisruptionWindows;
import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.ZoneOutageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The zone outages of one {@link ZoneOutageSpec} on a pool (see there): the scheduled one, or the
 * random ones, all drawn when the run starts so the same seed gives the same outages whatever the
 * traffic does. At each start the zone's replicas (the oldest running ones) are killed as failed
 * replicas are, their requests in service going back to the router, and the pool may not replace
 * them; at the end a fixed pool asks for them again.
 */
final class ZoneOutage implements EventHandler {

    private static final int START = 0;
    private static final int END = 1;
    private static final int KIND_BITS = 1;

    private final Simulator sim;
    private final int handlerId;
    private final ZoneOutageSpec spec;
    private final Pool pool;
    private final DisruptionWindows windows;
    private final double horizon;
    private final List<double[]> occurrences = new ArrayList<>();
    private final List<DisruptionWindow> open = new ArrayList<>();
    private final List<Integer> lost = new ArrayList<>();

    ZoneOutage(Simulator sim, ZoneOutageSpec spec, RandomStream draws, Pool pool, DisruptionWindows windows,
               double horizon) {
        this.sim = sim;
        this.spec = spec;
        this.pool = pool;
        this.windows = windows;
        this.horizon = horizon;
        this.handlerId = sim.register(this);
        if (!spec.random()) {
            occurrences.add(new double[] {spec.atSeconds(), spec.duration().meanSeconds()});
            return;
        }
        for (double t = draws.nextExponential(spec.meanSecondsBetween()); t < horizon;
             t += draws.nextExponential(spec.meanSecondsBetween())) {
            double length = spec.duration() instanceof DurationSpec.Exponential e
                    ? draws.nextExponential(e.meanSeconds()) : spec.duration().meanSeconds();
            occurrences.add(new double[] {t, length});
        }
    }

    /** Schedules every outage's start. */
    void start() {
        for (int i = 0; i < occurrences.size(); i++) {
            sim.schedule(occurrences.get(i)[0], handlerId, encode(i, START));
            open.add(null);
            lost.add(0);
        }
    }

    @Override
    public void handle(long payload) {
        int i = (int) (payload >>> KIND_BITS);
        if ((payload & 1) == START) {
            begin(i);
        } else {
            end(i);
        }
    }

    private void begin(int i) {
        double now = sim.now();
        double length = occurrences.get(i)[1];
        List<Replica> running = pool.runningReplicas();
        int n = Math.min(running.size(), (int) Math.ceil(spec.share() * running.size() - 1e-9));
        DisruptionWindow window = windows.open(DisruptionKind.ZONE_OUTAGE, pool.spec().name(), spec.name(), now);
        int interrupted = 0;
        for (int k = 0; k < n; k++) {
            interrupted += pool.interrupt(running.get(k), now);
        }
        double out = n * Math.max(0, Math.min(length, horizon - now));
        pool.holdOut(n);
        pool.ledger().outOfService(out);
        if (pool.spec().kind() == PoolKind.RESERVED) {
            pool.ledger().paidWhileGone(out);
        }
        window.tookOut(n, out);
        window.interrupted(interrupted);
        open.set(i, window);
        lost.set(i, n);
        sim.schedule(now + length, handlerId, encode(i, END));
    }

    /** The zone is back: the pool may replace its replicas again; a fixed pool asks for them now. */
    private void end(int i) {
        int n = lost.get(i);
        pool.holdOut(-n);
        open.get(i).close(sim.now());
        if (pool.spec().capacity().scaling() == null) {
            int missing = Math.min(n, pool.spec().replicas() - pool.activeReplicas());
            for (int k = 0; k < missing; k++) {
                pool.launchWarming(spec.restartSeconds());
            }
        }
    }

    private static long encode(int index, int kind) {
        return ((long) index << KIND_BITS) | kind;
    }
}
