package io.fleetsim.workload;

import io.fleetsim.random.RandomStream;

/**
 * Draws an index with probability proportional to its share (a route, a tenant). With a single
 * choice it draws nothing, so adding the first alternative is what starts using the stream.
 */
final class WeightedChoice {

    private final double[] cumulative;
    private final RandomStream stream;

    /** Choices with these shares (summing to 1); no shares means the single choice 0. */
    WeightedChoice(double[] shares, RandomStream stream) {
        this.stream = stream;
        cumulative = new double[Math.max(1, shares.length)];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            cumulative[i] = sum;
        }
        cumulative[cumulative.length - 1] = Double.POSITIVE_INFINITY;
    }

    int next() {
        if (cumulative.length == 1) {
            return 0;
        }
        double u = stream.nextDouble();
        int i = 0;
        while (u >= cumulative[i]) {
            i++;
        }
        return i;
    }
}
