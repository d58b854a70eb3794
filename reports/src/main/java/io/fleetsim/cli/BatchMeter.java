package io.fleetsim.cli;

import io.fleetsim.run.ProgressListener;
import io.fleetsim.sweep.BatchProgress;
import java.io.PrintWriter;
import java.util.function.IntFunction;

/** Shows each batch of parallel simulations of a sweep on a {@link ProgressMeter}. */
final class BatchMeter implements BatchProgress {

    private final PrintWriter err;
    private final boolean enabled;
    private ProgressMeter meter;

    BatchMeter(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public IntFunction<ProgressListener> start(int units) {
        meter = ProgressMeter.on(err, Math.max(1, units), enabled);
        ProgressMeter current = meter;
        return current::listener;
    }

    @Override
    public void finish() {
        if (meter != null) {
            meter.finish();
            meter = null;
        }
    }
}
