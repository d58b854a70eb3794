package io.fleetsim.spec;

import java.util.List;

/**
 * How a pool's replica count changes: target tracking on a signal, with delays and a cooldown, and
 * scheduled minimums by time of day.
 *
 * @param minReplicas           fewest replicas
 * @param maxReplicas           most replicas
 * @param signal                what is tracked
 * @param target                the signal value to hold (per replica where it is a count)
 * @param evaluationSeconds     how often the autoscaler looks
 * @param scaleUpDelaySeconds   how long the signal must stay above target before adding replicas
 * @param scaleDownDelaySeconds how long the signal must stay below target before removing replicas
 * @param cooldownSeconds       least time between two scaling actions
 * @param schedule              minimum replicas by time of day
 * @param watch                 other pools whose load and replicas count with this pool's (a burst
 *                              pool watching the reserved pool grows when the reserved pool is
 *                              loaded, even while the burst pool itself has nothing)
 */
public record ScalingSpec(int minReplicas, int maxReplicas, ScalingSignal signal, double target,
                          double evaluationSeconds, double scaleUpDelaySeconds, double scaleDownDelaySeconds,
                          double cooldownSeconds, List<ScheduledMinimum> schedule, List<String> watch) {

    public ScalingSpec {
        schedule = List.copyOf(schedule);
        watch = List.copyOf(watch);
    }

    /** What the autoscaler tracks. */
    public enum ScalingSignal {
        /** Requests waiting in the pool's queue per replica. */
        QUEUE_DEPTH,
        /** Share of KV cache blocks in use, averaged over replicas. */
        KV_UTILIZATION,
        /** Requests queued or in service per replica. */
        IN_FLIGHT_PER_REPLICA,
        /** The pool's predicted queueing delay in seconds. */
        PREDICTED_WAIT
    }

    /**
     * At least {@code minReplicas} between two times of day (wrapping past midnight when
     * {@code fromSecondOfDay > toSecondOfDay}).
     *
     * @param fromSecondOfDay start, seconds after midnight
     * @param toSecondOfDay   end, seconds after midnight
     * @param minReplicas     floor in that window
     */
    public record ScheduledMinimum(double fromSecondOfDay, double toSecondOfDay, int minReplicas) {

        /** Whether {@code secondOfDay} is inside the window. */
        public boolean covers(double secondOfDay) {
            return fromSecondOfDay <= toSecondOfDay
                    ? secondOfDay >= fromSecondOfDay && secondOfDay < toSecondOfDay
                    : secondOfDay >= fromSecondOfDay || secondOfDay < toSecondOfDay;
        }
    }
}
