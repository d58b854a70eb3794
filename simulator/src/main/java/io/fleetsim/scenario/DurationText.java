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
}
