package io.fleetsim.scenario;

import io.fleetsim.input.DurationText;
import io.fleetsim.spec.SpotSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured spot trace of one instance in one zone: at every tick, whether a spot instance could
 * be had (the SkyPilot "Can't Be Late" traces: the instance was kept running, or launched again, and
 * checked once a tick). Tick {@code i} covers recorded time {@code [i * tick, (i + 1) * tick)}.
 */
final class SpotTrace {

    private final String name;
    private final double tickSeconds;
    private final boolean[] unavailable;

    /**
     * @param name        how reports name it: file and zone
     * @param tickSeconds recorded time between two ticks
     * @param unavailable per tick, true when no spot instance could be had (preempted or not launched)
     */
    SpotTrace(String name, double tickSeconds, boolean[] unavailable) {
        this.name = name;
        this.tickSeconds = tickSeconds;
        this.unavailable = unavailable.clone();
    }

    /** File and zone. */
    String name() {
        return name;
    }

    /** Recorded time the trace covers. */
    double spanSeconds() {
        return tickSeconds * unavailable.length;
    }

    /**
     * The trace replayed from recorded time {@code startSeconds} on, each recorded second lasting
     * {@code timeScale} simulated seconds. Every unavailable run (maximal run of unavailable ticks)
     * is one interruption at its first tick (time 0 for a run already going on at the start) and one
     * unavailable window to its end. The window opens at the interruption's notice rather than at the
     * interruption itself: the provider reclaims capacity because it is short, so a replacement
     * asked for during the notice cannot be had either. Windows that touch are merged.
     */
    SpotReplay replay(double startSeconds, double timeScale, double noticeSeconds) {
        List<Double> interruptions = new ArrayList<>();
        List<SpotSpec.Window> windows = new ArrayList<>();
        int tick = (int) Math.floor(startSeconds / tickSeconds);
        while (tick < unavailable.length) {
            if (!unavailable[tick]) {
                tick++;
                continue;
            }
            int end = tick;
            while (end < unavailable.length && unavailable[end]) {
                end++;
            }
            double from = Math.max(0, simulated(tick, startSeconds, timeScale));
            double to = simulated(end, startSeconds, timeScale);
            interruptions.add(from);
            double opens = Math.max(0, from - noticeSeconds);
            int last = windows.size() - 1;
            if (last >= 0 && opens <= windows.get(last).endSeconds()) {
                windows.set(last, new SpotSpec.Window(windows.get(last).startSeconds(), to));
            } else {
                windows.add(new SpotSpec.Window(opens, to));
            }
            tick = end;
        }
        String description = name + (startSeconds > 0 ? " from " + DurationText.format(startSeconds) : "")
                + (timeScale != 1 ? ", time x" + timeScale : "");
        return new SpotReplay(interruptions, windows, (spanSeconds() - startSeconds) * timeScale, description);
    }

    private double simulated(int tick, double startSeconds, double timeScale) {
        return (tick * tickSeconds - startSeconds) * timeScale;
    }
}
