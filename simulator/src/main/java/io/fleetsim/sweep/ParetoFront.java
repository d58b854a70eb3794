package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The configurations no other beats on two metrics at once: for each one on the front, every
 * other is worse on at least one of them (by mean), or equal on both. Points whose means are not
 * numbers are never on it.
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /** Indices into {@code points} of the front on {@code a} and {@code b}, in index order. */
    public static List<Integer> of(List<PointSummary> points, Metric a, Metric b) {
        double[] va = points.stream().mapToDouble(p -> p.estimate(a).mean()).toArray();
        double[] vb = points.stream().mapToDouble(p -> p.estimate(b).mean()).toArray();
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (Double.isNaN(va[i]) || Double.isNaN(vb[i])) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                boolean noWorse = !a.better(va[i], va[j]) && !b.better(vb[i], vb[j]);
                boolean better = a.better(va[j], va[i]) || b.better(vb[j], vb[i]);
                dominated = j != i && noWorse && better;
            }
            if (!dominated) {
                front.add(i);
            }
        }
        return front;
    }
}
