package io.fleetsim.metrics;

/** The time average of an integer level (e.g. requests in the system), updated at each change. */
public final class TimeWeightedCount {

    private long level;
    private double lastChange;
    private double area;

    /** Changes the level by {@code delta} at {@code time} (times never decrease). */
    public void change(double time, long delta) {
        area += level * (time - lastChange);
        lastChange = time;
        level += delta;
    }

    /** The current level. */
    public long level() {
        return level;
    }

    /** Time average of the level over {@code [0, end]}. */
    public double average(double end) {
        if (end <= 0) {
            return 0;
        }
        return (area + level * (end - lastChange)) / end;
    }
}
