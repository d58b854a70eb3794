package io.fleetsim.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * How {@code plan} reshapes the scenario's traffic before scaling it: {@code as-written},
 * {@code steady} (constant rate), {@code diurnal:R} (a daily curve with peak R times the trough,
 * peaking at 14:00) or {@code bursty} (x3 bursts of 5 minutes about every 20 minutes). The
 * planner then scales the rate so that the reshaped traffic carries each volume.
 *
 * @param id         as written on the command line
 * @param peakToTrough the diurnal ratio, or 0 when not diurnal
 */
public record TrafficShape(String id, double peakToTrough) {

    /** The traffic as the scenario writes it. */
    public static final TrafficShape AS_WRITTEN = new TrafficShape("as-written", 0);

    private static final List<String> MODULATIONS = List.of("diurnal", "flash_crowds", "random_bursts", "growth");

    /** The shape named {@code text}; a {@link PlanInputException} says what is allowed. */
    public static TrafficShape parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("as-written") || t.equals("steady") || t.equals("bursty")) {
            return new TrafficShape(t, 0);
        }
        if (t.startsWith("diurnal:")) {
            try {
                double r = new BigDecimal(t.substring("diurnal:".length())).doubleValue();
                if (r >= 1 && r <= 100) {
                    return new TrafficShape(t, r);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw new PlanInputException(PlanInput.SHAPE, text, "diurnal:R needs a peak-to-trough ratio R "
                    + "between 1 and 100, e.g. diurnal:5");
        }
        throw new PlanInputException(PlanInput.SHAPE, text, "one of as-written, steady, diurnal:R (e.g. "
                + "diurnal:5), bursty");
    }

    /** Applies this shape to {@code arrivals}, the scenario's {@code workload.arrivals} block. */
    void applyTo(ObjectNode arrivals) {
        if (id.equals("as-written")) {
            return;
        }
        MODULATIONS.forEach(arrivals::remove);
        if (peakToTrough > 0) {
            ObjectNode diurnal = arrivals.putObject("diurnal");
            diurnal.put("peak_hour", 14);
            diurnal.put("peak_to_trough", peakToTrough);
        } else if (id.equals("bursty")) {
            ObjectNode bursts = arrivals.putObject("random_bursts");
            bursts.put("mean_interval", "20m");
            bursts.put("mean_duration", "5m");
            bursts.put("multiplier", 3);
        }
    }
}
