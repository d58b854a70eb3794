package io.fleetsim.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written with a unit, as in scenario files and on the command line: {@code 250ms},
 * {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d} (fractions allowed: {@code 1.5h}). A bare
 * number is refused so that nobody has to guess whether it meant seconds or milliseconds.
 */
public final class DurationText {

    /** What the error messages say is allowed. */
    public static final String ALLOWED = "a duration with a unit: us, ms, s, m, h or d (e.g. 250ms, 90s, 24h)";

    private static final Pattern FORMAT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)\\s*(us|ms|s|m|min|h|d)\\s*");

    private static final double[] FORMAT_UNITS = {86400, 3600, 60, 1, 1e-3};
    private static final String[] FORMAT_NAMES = {"d", "h", "m", "s", "ms"};

    private DurationText() {
    }

    /**
     * Parses a duration into seconds.
     *
     * @throws IllegalArgumentException when the text is not a non-negative number with a unit
     */
    public static double parseSeconds(String text) {
        Matcher m = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + ALLOWED + " (got \"" + text + "\")");
        }
        double value = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2)) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "m", "min" -> 60;
            case "h" -> 3600;
            default -> 86400;
        };
        return value * unit;
    }

    /**
     * Writes a duration in the largest unit that keeps the number at least 1, with at most one
     * decimal, in the same notation it is parsed from: {@code 58.4m}, {@code 24h}, {@code 90d}.
     */
    public static String format(double seconds) {
        if (seconds == 0) {
            return "0s";
        }
        int u = 0;
        while (u < FORMAT_UNITS.length - 1 && Math.abs(seconds) < FORMAT_UNITS[u]) {
            u++;
        }
        String number = String.format(Locale.ROOT, "%.1f", seconds / FORMAT_UNITS[u]);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + FORMAT_NAMES[u];
    }
}
