package io.fleetsim.fleet;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.spec.ScalingSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Target tracking for one pool, evaluated every few seconds: the desired size of the pool together
 * with the pools it watches is their current size scaled by signal / target (the watched pools'
 * replicas are then subtracted), clamped to the pool's bounds and to the scheduled minimum of the time
 * of day. Growth happens once the signal has stayed above target for the scale-up delay, shrinkage
 * once it has stayed below for the scale-down delay, and two actions are at least a cooldown
 * apart; a scheduled minimum applies at once.
 */
final class Autoscaler implements EventHandler {

    private final Simulator sim;
    private final int handlerId;
    private final Pool pool;
    private final List<Pool> group;
    private final ScalingSpec scaling;
    private final double horizon;
    private double aboveSince = Double.NaN;
    private double belowSince = Double.NaN;
    private double lastAction = Double.NEGATIVE_INFINITY;

    /** Scales {@code pool}, reading the load of {@code watched} pools as well as its own. */
    Autoscaler(Simulator sim, Pool pool, List<Pool> watched, double horizon) {
        this.sim = sim;
        this.pool = pool;
        List<Pool> g = new ArrayList<>(watched);
        g.remove(pool);
        g.add(0, pool);
        this.group = List.copyOf(g);
        this.scaling = pool.spec().capacity().scaling();
        this.horizon = horizon;
        this.handlerId = sim.register(this);
        sim.schedule(0, handlerId, 0);
    }

    @Override
    public void handle(long payload) {
        double now = sim.now();
        int current = pool.activeReplicas();
        int others = 0;
        for (Pool p : group) {
            others += p == pool ? 0 : p.activeReplicas();
        }
        int floor = Math.max(scaling.minReplicas(), scheduledMinimum(now));
        int desired = Math.max(floor, Math.min(scaling.maxReplicas(), desired(current + others) - others));
        if (current < floor) {
            act(floor, now);
        } else if (desired > current) {
            belowSince = Double.NaN;
            aboveSince = Double.isNaN(aboveSince) ? now : aboveSince;
            if (now - aboveSince >= scaling.scaleUpDelaySeconds() && now - lastAction >= scaling.cooldownSeconds()) {
                act(desired, now);
            }
        } else if (desired < current) {
            aboveSince = Double.NaN;
            belowSince = Double.isNaN(belowSince) ? now : belowSince;
            if (now - belowSince >= scaling.scaleDownDelaySeconds()
                    && now - lastAction >= scaling.cooldownSeconds()) {
                act(desired, now);
            }
        } else {
            aboveSince = Double.NaN;
            belowSince = Double.NaN;
        }
        double next = now + scaling.evaluationSeconds();
        if (next < horizon) {
            sim.schedule(next, handlerId, 0);
        }
    }

    private void act(int target, double now) {
        pool.scaleTo(target);
        lastAction = now;
        aboveSince = Double.NaN;
        belowSince = Double.NaN;
    }

    /** current x signal / target, rounded up; from zero replicas, enough to bring the signal to target. */
    private int desired(int current) {
        double signal = signal(Math.max(1, current));
        double ratio = signal / scaling.target();
        if (current == 0) {
            return signal > 0 ? (int) Math.ceil(ratio) : 0;
        }
        return (int) Math.ceil(current * ratio - 1e-9);
    }

    /** The signal over the group: per replica for counts, the mean KV use, the longest predicted wait. */
    private double signal(int replicas) {
        double queued = 0;
        double inService = 0;
        double kv = 0;
        double wait = 0;
        for (Pool p : group) {
            queued += p.queued();
            inService += p.inService();
            kv += p.kvUtilization();
            wait = Math.max(wait, p.predictedWaitSeconds());
        }
        return switch (scaling.signal()) {
            case QUEUE_DEPTH -> queued / replicas;
            case IN_FLIGHT_PER_REPLICA -> (queued + inService) / replicas;
            case KV_UTILIZATION -> kv / group.size();
            case PREDICTED_WAIT -> Math.min(wait, 1e6);
        };
    }

    private int scheduledMinimum(double now) {
        double secondOfDay = now % 86400;
        int floor = 0;
        for (ScalingSpec.ScheduledMinimum w : scaling.schedule()) {
            if (w.covers(secondOfDay)) {
                floor = Math.max(floor, w.minReplicas());
            }
        }
        return floor;
    }
}
