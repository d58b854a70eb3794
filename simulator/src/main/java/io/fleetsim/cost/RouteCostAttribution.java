package io.fleetsim.cost;

/**
 * Splits each pool's bill among routes in proportion to the tokens (input + output) of each
 * route's requests the pool completed. A pool that completed nothing is split evenly among the
 * routes assigned to it, so the routes' costs add up to the fleet's total; a pool with no route
 * at all stays unattributed.
 */
public final class RouteCostAttribution {

    private RouteCostAttribution() {
    }

    /**
     * @param poolUsd      bill of each pool
     * @param tokensServed tokens served, indexed [pool][route]
     * @param poolOfRoute  the pool each route is assigned to
     * @return cost of each route, plus one trailing element: the unattributed remainder
     */
    public static double[] attribute(double[] poolUsd, long[][] tokensServed, int[] poolOfRoute) {
        int routes = poolOfRoute.length;
        double[] out = new double[routes + 1];
        for (int p = 0; p < poolUsd.length; p++) {
            long total = 0;
            for (int r = 0; r < routes; r++) {
                total += tokensServed[p][r];
            }
            if (total > 0) {
                for (int r = 0; r < routes; r++) {
                    out[r] += poolUsd[p] * tokensServed[p][r] / total;
                }
                continue;
            }
            int assigned = 0;
            for (int r = 0; r < routes; r++) {
                if (poolOfRoute[r] == p) {
                    assigned++;
                }
            }
            for (int r = 0; r < routes; r++) {
                if (poolOfRoute[r] == p) {
                    out[r] += poolUsd[p] / assigned;
                }
            }
            if (assigned == 0) {
                out[routes] += poolUsd[p];
            }
        }
        return out;
    }
}
