package io.fleetsim.cli;

import io.fleetsim.input.DurationText;
import io.fleetsim.run.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows on one rewritten stderr line how far one or more runs have got: simulated time (for one
 * run), percent done and the wall-clock time left, estimated from the pace so far. Silent when
 * switched off ({@link ProgressOption}: by default when stderr is not a terminal), and for runs
 * too quick to need it.
 */
final class ProgressMeter {

    /** Nothing is shown before a run has taken this long, so quick runs print nothing extra. */
    private static final long QUIET_START_NANOS = 1_000_000_000L;
    /** The line is rewritten at most this often. */
    private static final long REFRESH_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private final double[] done;
    private final double[] simulated;
    private final double[] horizon;
    private final long started;
    private long lastShown;
    private int lastWidth;

    ProgressMeter(PrintWriter err, int runs, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.done = new double[runs];
        this.simulated = new double[runs];
        this.horizon = new double[runs];
        this.started = clock.getAsLong();
        this.lastShown = started;
    }

    /** A meter on {@code err} for {@code runs} runs, shown when {@code enabled} (see {@link ProgressOption}). */
    static ProgressMeter on(PrintWriter err, int runs, boolean enabled) {
        return new ProgressMeter(err, runs, enabled, System::nanoTime);
    }

    /** The listener of run {@code index}; safe to call from the thread that runs it. */
    ProgressListener listener(int index) {
        return (simulatedSeconds, horizonSeconds) -> update(index, simulatedSeconds, horizonSeconds);
    }

    private synchronized void update(int index, double simulatedSeconds, double horizonSeconds) {
        simulated[index] = simulatedSeconds;
        horizon[index] = horizonSeconds;
        done[index] = horizonSeconds > 0 ? Math.min(1, simulatedSeconds / horizonSeconds) : 1;
        long now = clock.getAsLong();
        if (!enabled || now - started < QUIET_START_NANOS || now - lastShown < REFRESH_NANOS) {
            return;
        }
        lastShown = now;
        show(line(now));
    }

    /** The progress line for the state at {@code now}. */
    synchronized String line(long now) {
        double fraction = 0;
        for (double d : done) {
            fraction += d / done.length;
        }
        String what = done.length == 1
                ? "simulated " + DurationText.format(simulated[0]) + " of " + DurationText.format(horizon[0])
                : done.length + " runs";
        double elapsed = (now - started) / 1e9;
        String eta = fraction > 0 ? clock(elapsed * (1 - fraction) / fraction) : "?";
        return String.format(Locale.ROOT, "%s  %3.0f%%  ETA %s", what, fraction * 100, eta);
    }

    /** Clears the line, leaving stderr as it was before the run. */
    synchronized void finish() {
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    private void show(String text) {
        err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
        err.flush();
        lastWidth = text.length();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
