package io.fleetsim.sweep;

import java.util.List;

/**
 * The search along one capacity dimension with every other setting fixed: the configurations in
 * increasing replica count. First bisection finds the boundary between missing and meeting the
 * constraints: every index at or below {@code lo} is known not to meet them, every index at or
 * above {@code hi} to meet them (or not to matter). Then a scan upwards from the boundary
 * simulates the counts above it until one provably cannot beat the best found, since a cost per
 * useful token can still fall past the boundary as more requests finish within their SLO.
 */
final class SearchLine {

    private final List<Configuration> points;
    private int lo = -1;
    private int hi;
    private int probe = -1;
    private int scan = -1;
    private boolean done;

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

    /** Once settled: the next configuration above the boundary to scan, or null when none is left. */
    Configuration next() {
        int i = scan < 0 ? hi + 1 : scan;
        return done || i >= points.size() ? null : points.get(i);
    }

    /** Starts evaluating {@link #next()}. */
    void probeNext() {
        scan = scan < 0 ? hi + 1 : scan;
        probe = scan;
        scan++;
    }

    /** The scanned configuration is evaluated: the scan goes on from the one above it. */
    void scanned() {
        probe = -1;
    }

    /** Ends the scan: nothing above can beat the best found. */
    void stop() {
        done = true;
    }

    /** True while the probed configuration belongs to the scan above the boundary. */
    boolean scanning() {
        return scan >= 0;
    }

    private int current() {
        return probe >= 0 ? probe : Math.floorDiv(lo + hi, 2);
    }
}
