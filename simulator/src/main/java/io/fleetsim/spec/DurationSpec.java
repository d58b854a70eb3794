package io.fleetsim.spec;

/** A distribution of durations (service times of an abstract queueing server). */
public sealed interface DurationSpec permits DurationSpec.Fixed, DurationSpec.Exponential {

    /** Mean in seconds. */
    double meanSeconds();

    /** Second moment E[S^2] in seconds squared. */
    double secondMomentSeconds2();

    /**
     * Always the same duration.
     *
     * @param seconds the duration
     */
    record Fixed(double seconds) implements DurationSpec {
        @Override
        public double meanSeconds() {
            return seconds;
        }

        @Override
        public double secondMomentSeconds2() {
            return seconds * seconds;
        }
    }

    /**
     * Exponentially distributed.
     *
     * @param meanSeconds the mean
     */
    record Exponential(double meanSeconds) implements DurationSpec {
        @Override
        public double secondMomentSeconds2() {
            return 2 * meanSeconds * meanSeconds;
        }
    }
}
