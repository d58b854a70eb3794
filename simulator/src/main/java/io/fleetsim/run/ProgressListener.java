package io.fleetsim.run;

/** Hears how far a run has got, a few hundred times per run at most. */
@FunctionalInterface
public interface ProgressListener {

    /** Nobody listening. */
    ProgressListener NONE = (simulated, horizon) -> { };

    /** The run has simulated {@code simulatedSeconds} of {@code horizonSeconds}. */
    void progress(double simulatedSeconds, double horizonSeconds);
}
