package io.fleetsim.workload.arrival;

import io.fleetsim.random.RandomStream;

/**
 * Gamma-distributed gaps of mean 1 and a given coefficient of variation (shape {@code 1/cv^2}),
 * drawn by Marsaglia and Tsang's method ("A simple method for generating gamma variables", 2000),
 * with the {@code U^(1/k)} boost for shapes below 1.
 */
public final class GammaGaps implements RenewalGaps {

    private final double shape;
    private final RandomStream stream;

    /** Gaps with coefficient of variation {@code cv}, drawn from {@code stream}. */
    public GammaGaps(double cv, RandomStream stream) {
        this.shape = 1 / (cv * cv);
        this.stream = stream;
    }

    @Override
    public double next() {
        return standardGamma(shape) / shape;
    }

    /**
     * A length-biased gap (gamma with shape k + 1) times a uniform fraction: the equilibrium
     * forward recurrence time, whose density is {@code P(gap > x) / mean}.
     */
    @Override
    public double firstResidual() {
        return standardGamma(shape + 1) / shape * stream.nextDouble();
    }

    /** Gamma with shape {@code k} and scale 1. */
    private double standardGamma(double k) {
        if (k < 1) {
            // G(k) = G(k + 1) U^(1/k); StrictMath keeps the draw identical on every JVM.
            return standardGamma(k + 1) * StrictMath.pow(stream.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = stream.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = stream.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || StrictMath.log(u) < 0.5 * x2 + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }
}
