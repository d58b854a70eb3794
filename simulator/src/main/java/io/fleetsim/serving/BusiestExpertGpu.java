package io.fleetsim.serving;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How much more routed work the busiest GPU of an expert-parallel group does than the mean, when
 * tokens pick their top-k experts uniformly: a grouped-GEMM MoE block ends when its busiest GPU
 * ends.
 *
 * <p>Each of {@code m} tokens picks {@code k} distinct experts of {@code E}; a GPU holds
 * {@code E / ep} of them, so a token's copies on one GPU are hypergeometric with mean {@code k/ep}
 * and variance {@code k p (1-p) (E-k)/(E-1)}, {@code p = 1/ep}. Summed over the tokens, the load of
 * a GPU is near normal; the expected largest of {@code ep} such loads is taken as
 * {@code mean + sd * z(ep)}, {@code z(n)} the expected maximum of {@code n} standard normals, and
 * never more than a GPU can receive ({@code m * min(k, E/ep)}). Measured MoE kernels already hold
 * their own imbalance; this is for blocks built from GEMMs.
 */
final class BusiestExpertGpu {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
    private static final double RANGE = 9;
    private static final int STEPS = 3600;

    private BusiestExpertGpu() {
    }

    /**
     * The busiest GPU's routed token copies over the mean GPU's, at least 1: {@code m} tokens,
     * top-{@code k} of {@code experts} experts spread over {@code ep} GPUs; {@code z} is
     * {@link #expectedMaxOfNormals}{@code (ep)}, computed once per layout.
     */
    static double loadFactor(double m, int k, int experts, int ep, double z) {
        if (ep <= 1 || m <= 0) {
            return 1;
        }
        double p = 1.0 / ep;
        double mean = m * k * p;
        double variance = m * k * p * (1 - p) * (experts - k) / (double) Math.max(1, experts - 1);
        double busiest = mean + Math.sqrt(Math.max(0, variance)) * z;
        double most = m * Math.min(k, experts / (double) ep);
        return Math.max(1, Math.min(busiest, most) / mean);
    }

    /**
     * The expected largest of {@code n} independent standard normals,
     * {@code integral of x n phi(x) Phi(x)^(n-1) dx}, by the trapezoid rule on [-9, 9].
     */
    static double expectedMaxOfNormals(int n) {
        if (n <= 1) {
            return 0;
        }
        double h = 2 * RANGE / STEPS;
        double sum = 0;
        for (int i = 0; i <= STEPS; i++) {
            double x = -RANGE + i * h;
            double f = x * n * STANDARD.density(x) * Math.pow(STANDARD.cumulativeProbability(x), n - 1);
            sum += (i == 0 || i == STEPS) ? f / 2 : f;
        }
        return sum * h;
    }
}
