package io.fleetsim.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --volumes} of {@code plan}: tokens per 30-day month, as a log-spaced range
 * {@code 10M..100B} (K, M, B and T for thousand, million, billion and trillion) over a number of
 * points, or a comma-separated list {@code 1B,10B,50B}.
 */
public final class MonthlyVolumes {

    /** Seconds in the 30-day month volumes are counted over. */
    public static final double MONTH_SECONDS = 30 * 86_400.0;

    private MonthlyVolumes() {
    }

    /** The volumes of {@code text}, ascending; a {@link PlanInputException} says what is wrong. */
    public static List<Double> parse(String text, int points) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new PlanInputException(PlanInput.VOLUMES, null, "empty; write FROM..TO (e.g. 10M..100B) or a list "
                    + "(1B,10B)");
        }
        List<Double> out = new ArrayList<>();
        int dots = t.indexOf("..");
        if (dots >= 0) {
            double from = tokens(t.substring(0, dots));
            double to = tokens(t.substring(dots + 2));
            if (to < from) {
                throw new PlanInputException(PlanInput.VOLUMES, t, "an empty range (TO is below FROM)");
            }
            if (points < 1 || points > 50) {
                throw new PlanInputException(PlanInput.POINTS, null, "between 1 and 50 (got " + points + ")");
            }
            if (points == 1 || to == from) {
                out.add(from);
            } else {
                for (int i = 0; i < points; i++) {
                    double v = Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (points - 1));
                    // 12 significant digits, so 10M..100B gives exactly 10M, 100M, 1B...
                    out.add(new BigDecimal(v).round(new MathContext(12)).doubleValue());
                }
            }
        } else {
            for (String item : t.split(",", -1)) {
                out.add(tokens(item));
            }
            out.sort(Double::compare);
        }
        return List.copyOf(out);
    }

    /** {@code 10M} as 10,000,000 tokens; a {@link PlanInputException} names the text refused. */
    static double tokens(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        double unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> unit = 1e3;
                case 'M' -> unit = 1e6;
                case 'B', 'G' -> unit = 1e9;
                case 'T' -> unit = 1e12;
                default -> unit = 1;
            }
            if (unit != 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        double v;
        try {
            v = new BigDecimal(t).doubleValue() * unit;
        } catch (NumberFormatException e) {
            throw new PlanInputException(PlanInput.VOLUMES, null, "\"" + text.strip() + "\" is not a token count "
                    + "(a number with K, M, B or T, e.g. 10M)");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new PlanInputException(PlanInput.VOLUMES, null, "\"" + text.strip() + "\" must be a volume above 0");
        }
        return v;
    }

    /** {@code v} tokens as a short label: 10M, 3.16B. */
    public static String label(double v) {
        String[] units = {"", "K", "M", "B", "T"};
        int u = 0;
        double x = v;
        while (x >= 1000 && u < units.length - 1) {
            x /= 1000;
            u++;
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros();
        return d.toPlainString() + units[u];
    }
}
