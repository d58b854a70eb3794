package io.fleetsim.spec;

/**
 * How likely a drafter's proposed token is to be accepted by the target, given the ones before it
 * were: one rate for every request, or a distribution each request's rate is drawn from once (some
 * answers are easy to guess, others not).
 */
public sealed interface AcceptanceSpec permits AcceptanceSpec.Fixed, AcceptanceSpec.Beta, AcceptanceSpec.Uniform {

    /** The mean rate. */
    double mean();

    /** Whether requests' rates differ (false for a fixed rate). */
    default boolean varies() {
        return true;
    }

    /**
     * Every request at one rate.
     *
     * @param rate in [0, 1]
     */
    record Fixed(double rate) implements AcceptanceSpec {
        @Override
        public double mean() {
            return rate;
        }

        @Override
        public boolean varies() {
            return false;
        }
    }

    /**
     * Each request's rate drawn from a Beta distribution of this mean and standard deviation
     * ({@code alpha = mean c}, {@code beta = (1 - mean) c}, {@code c = mean (1 - mean) / sd^2 - 1}).
     *
     * @param mean in (0, 1)
     * @param sd   in (0, sqrt(mean (1 - mean)))
     */
    record Beta(double mean, double sd) implements AcceptanceSpec {

        /** {@code alpha + beta}. */
        public double concentration() {
            return mean * (1 - mean) / (sd * sd) - 1;
        }

        /** The first shape parameter. */
        public double alpha() {
            return mean * concentration();
        }

        /** The second shape parameter. */
        public double beta() {
            return (1 - mean) * concentration();
        }
    }

    /**
     * Each request's rate uniform in {@code [min, max]}.
     *
     * @param min at least 0
     * @param max at most 1, at least {@code min}
     */
    record Uniform(double min, double max) implements AcceptanceSpec {
        @Override
        public double mean() {
            return (min + max) / 2;
        }
    }
}
