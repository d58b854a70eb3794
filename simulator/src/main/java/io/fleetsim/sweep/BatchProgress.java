package io.fleetsim.sweep;

import io.fleetsim.run.ProgressListener;
import java.util.function.IntFunction;

/** Told about each batch of units a sweep, search or sensitivity analysis runs in parallel. */
public interface BatchProgress {

    /** Nothing shown. */
    BatchProgress NONE = new BatchProgress() {
        @Override
        public IntFunction<ProgressListener> start(int units) {
            return i -> ProgressListener.NONE;
        }

        @Override
        public void finish() {
        }
    };

    /** A batch of {@code units} units starts; returns the listener of the unit at each index. */
    IntFunction<ProgressListener> start(int units);

    /** The batch is over (finished or failed). */
    void finish();
}
