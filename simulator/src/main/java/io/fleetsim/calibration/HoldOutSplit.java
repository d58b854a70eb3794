package io.fleetsim.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measured points divided into those a fit may use and those it is judged on. The unit held out is
 * a configuration, not a row, so that repeated runs of one configuration never sit on both sides:
 * the distinct configurations are numbered in the order they first appear, and every
 * {@code every}-th one (the 4th, 8th, ... for 4) is held out with all its rows.
 *
 * @param training              points to fit on
 * @param heldOut               points to judge the fit on (empty when nothing is held out)
 * @param configurations        distinct configurations in all points
 * @param heldOutConfigurations distinct configurations held out
 */
public record HoldOutSplit(List<Measurement> training, List<Measurement> heldOut, int configurations,
                           int heldOutConfigurations) {

    /** The usual choice: one configuration in four is held out. */
    public static final int DEFAULT_EVERY = 4;

    /** Copies the lists. */
    public HoldOutSplit {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
    }

    /**
     * Holds out every {@code every}-th distinct configuration of {@code points} (none when
     * {@code every} is 0).
     *
     * @throws IllegalArgumentException when {@code every} is 1 or negative
     */
    public static HoldOutSplit everyNth(List<Measurement> points, int every) {
        if (every < 0 || every == 1) {
            throw new IllegalArgumentException("hold out every 0 (none) or at least every 2nd configuration");
        }
        Map<Configuration, Integer> order = new LinkedHashMap<>();
        for (Measurement m : points) {
            order.putIfAbsent(m.configuration(), order.size() + 1);
        }
        List<Measurement> training = new ArrayList<>();
        List<Measurement> heldOut = new ArrayList<>();
        for (Measurement m : points) {
            boolean held = every > 0 && order.get(m.configuration()) % every == 0;
            (held ? heldOut : training).add(m);
        }
        int heldConfigurations = every == 0 ? 0 : order.size() / every;
        return new HoldOutSplit(training, heldOut, order.size(), heldConfigurations);
    }
}
