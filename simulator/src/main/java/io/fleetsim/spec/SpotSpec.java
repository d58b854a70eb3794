package io.fleetsim.spec;

import java.util.List;

/**
 * How the provider takes spot capacity back.
 *
 * @param meanSecondsBetweenInterruptions mean time between interruptions of one replica
 *                                        (exponential), or 0 when only {@code interruptions} apply
 * @param noticeSeconds                   warning before an interruption; the replica stops
 *                                        admitting work at the notice
 * @param interruptions                   replayed times (seconds from the start) at which one
 *                                        replica is interrupted, e.g. from a measured trace
 * @param unavailable                     windows in which no new spot replica can be had
 * @param source                          where the interruption data comes from
 * @param replayedUntilSeconds            end of the measured trace the replayed times come from
 *                                        (nothing is known past it); infinite without a trace
 */
public record SpotSpec(double meanSecondsBetweenInterruptions, double noticeSeconds, List<Double> interruptions,
                       List<Window> unavailable, String source, double replayedUntilSeconds) {

    public SpotSpec {
        interruptions = List.copyOf(interruptions);
        unavailable = List.copyOf(unavailable);
    }

    /** Interruptions and windows written out in the scenario, not cut off by a trace's end. */
    public SpotSpec(double meanSecondsBetweenInterruptions, double noticeSeconds, List<Double> interruptions,
                    List<Window> unavailable, String source) {
        this(meanSecondsBetweenInterruptions, noticeSeconds, interruptions, unavailable, source,
                Double.POSITIVE_INFINITY);
    }

    /**
     * A time window.
     *
     * @param startSeconds from the start of the run
     * @param endSeconds   from the start of the run
     */
    public record Window(double startSeconds, double endSeconds) {
    }

    /** Whether spot capacity can be had at {@code time}. */
    public boolean availableAt(double time) {
        for (Window w : unavailable) {
            if (time >= w.startSeconds() && time < w.endSeconds()) {
                return false;
            }
        }
        return true;
    }
}
