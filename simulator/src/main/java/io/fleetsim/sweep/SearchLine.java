package io.fleetsim.sweep;

import java.util.List;

/**
 * Bisection along one capacity dimension with every other setting fixed: the configurations in
 * increasing replica count, and the bounds of what is known. Every index at or below {@code lo}
 * is known not to meet the constraints, every index at or above {@code hi} to meet them.
 */
final class SearchLine {

    private final List<Configuration> points;
    private int lo = -1;
    private int hi;
    private int probe = -1;

    SearchLine(List<Configuration> points) {
        this.points = List.copyOf(points);
        this.hi = points.size();
    }

    /** True when the boundary is found. */
    boolean settled() {
        return probe < 0 && hi - lo <= 1;
    }

    /** The configuration being evaluated, or null. */
    Configuration probe() {
        return probe < 0 ? null : points.get(probe);
    }

    /** The next configuration to look at (the middle of the unknown range); call only when not settled. */
    Configuration middle() {
        return points.get(Math.floorDiv(lo + hi, 2));
    }

    /** Starts evaluating the middle configuration. */
    void probeMiddle() {
        probe = Math.floorDiv(lo + hi, 2);
    }

    /** The middle (or probed) configuration meets the constraints: so does everything above it. */
    void meets() {
        hi = current();
        probe = -1;
    }

    /** The middle (or probed) configuration does not meet them (or not with confidence). */
    void fails() {
        lo = current();
        probe = -1;
    }

    /** The least configuration meeting the constraints, or null when none in the line does. */
    Configuration lowestMeeting() {
        return hi < points.size() ? points.get(hi) : null;
    }

    private int current() {
        return probe >= 0 ? probe : Math.floorDiv(lo + hi, 2);
    }
}
