package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The configurations of a sweep: the cartesian product of its dimensions, the first dimension
 * varying slowest, so the order is that of nested loops in command-line order.
 *
 * @param dimensions the {@code --vary} options, in order
 */
public record Grid(List<Dimension> dimensions) {

    /** Most configurations one sweep may have. */
    public static final int MAX_CONFIGURATIONS = 100_000;

    public Grid {
        dimensions = List.copyOf(dimensions);
        Set<String> paths = new HashSet<>();
        long size = 1;
        for (Dimension d : dimensions) {
            if (!paths.add(d.path())) {
                throw new SweepInputException(SweepInput.VARIATION, d.path(), "given twice; list every value in one ",
                        SweepInput.VARIATION);
            }
            size *= d.values().size();
            if (size > MAX_CONFIGURATIONS) {
                throw new SweepInputException(SweepInput.VARIATION, null, "together they make more than "
                        + MAX_CONFIGURATIONS + " configurations");
            }
        }
    }

    /** Every configuration, in nested-loop order (one configuration with no settings when there is no dimension). */
    public List<Configuration> configurations() {
        List<List<Setting>> out = new ArrayList<>();
        out.add(List.of());
        for (Dimension d : dimensions) {
            List<List<Setting>> next = new ArrayList<>();
            for (List<Setting> prefix : out) {
                for (Setting s : d.settings()) {
                    List<Setting> row = new ArrayList<>(prefix);
                    row.add(s);
                    next.add(row);
                }
            }
            out = next;
        }
        return out.stream().map(Configuration::new).toList();
    }
}
