package io.fleetsim.scenario;

/** How request arrival times are generated. */
public sealed interface ArrivalSpec permits ArrivalSpec.Poisson {

    /** Mean arrivals per second over the whole horizon. */
    double meanRatePerSecond();

    /**
     * A homogeneous Poisson process.
     *
     * @param ratePerSecond arrivals per second
     */
    record Poisson(double ratePerSecond) implements ArrivalSpec {
        @Override
        public double meanRatePerSecond() {
            return ratePerSecond;
        }
    }
}
