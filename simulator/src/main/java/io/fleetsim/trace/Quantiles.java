package io.fleetsim.trace;

/** Nearest-rank quantiles of sorted values: the smallest value with at least a share p at or below it. */
final class Quantiles {

    private Quantiles() {
    }

    static double of(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
