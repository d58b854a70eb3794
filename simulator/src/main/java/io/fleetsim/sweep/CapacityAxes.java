package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The dimensions of a grid that are pool capacities: {@code --vary pools[...].replicas} over whole
 * numbers. Where {@link BisectionRule} says more replicas of a pool serve at least as well and
 * cost more, that order between configurations is what lets {@link Optimizer} bisect.
 *
 * @param paths the capacity dimensions' paths, in grid order
 */
record CapacityAxes(List<String> paths) {

    CapacityAxes {
        paths = List.copyOf(paths);
    }

    /** The capacity dimensions of {@code grid}. */
    static CapacityAxes of(Grid grid) {
        List<String> paths = new ArrayList<>();
        for (Dimension d : grid.dimensions()) {
            if (FieldPath.parse(d.path()).isPoolReplicas() && d.values().stream().allMatch(CapacityAxes::isWhole)) {
                paths.add(d.path());
            }
        }
        return new CapacityAxes(paths);
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    /** The dimension bisected: the last capacity dimension given. */
    String searched() {
        return paths.get(paths.size() - 1);
    }

    /** {@code c} without its capacity settings: what configurations of one fleet shape share. */
    Configuration rest(Configuration c) {
        Configuration out = c;
        for (String path : paths) {
            out = out.without(path);
        }
        return out;
    }

    /** The replica count {@code c} gives {@code path}. */
    static long count(Configuration c, String path) {
        return Long.parseLong(c.valueOf(path));
    }

    /**
     * True when {@code low} has no more capacity than {@code high} in every capacity dimension and
     * the same value in every other dimension: then {@code high} serves at least as well as
     * {@code low} and costs at least as much.
     */
    boolean atMost(Configuration low, Configuration high) {
        List<Setting> a = low.settings();
        List<Setting> b = high.settings();
        for (int i = 0; i < a.size(); i++) {
            String path = a.get(i).path();
            if (paths.contains(path)) {
                if (count(low, path) > count(high, path)) {
                    return false;
                }
            } else if (!a.get(i).value().equals(b.get(i).value())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhole(String value) {
        return value.matches("[-+]?\\d{1,18}");
    }
}
