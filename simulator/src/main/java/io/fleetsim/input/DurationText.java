package io.fleetsim.input;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written with a unit, as in scenario files and on the command line: {@code 250ms},
 * {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d} (fractions allowed: {@code 1.5h}), compounds
 * from the largest unit down ({@code 1h30m}, {@code 2d12h}, {@code 1m30.5s}) and ISO-8601
 * ({@code PT90S}, {@code P1DT12H}). A bare number is refused so that nobody has to guess whether
 * it meant seconds or milliseconds, and so is one too large to be a number ({@code 1e400h}).
 */
public final class DurationText {

    /** What the error messages say is allowed. */
    public static final String ALLOWED = "a duration with a unit: us, ms, s, m, h or d (e.g. 250ms, 90s, 24h, "
            + "1h30m, PT90S)";

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)\\s*(us|ms|s|min|m|h|d)");
    private static final Pattern FORMAT = Pattern.compile("(?:" + PART.pattern() + "\\s*)+");
    private static final Pattern ISO = Pattern.compile("p(?:[0-9.]+d)?(?:t(?:[0-9.]+h)?(?:[0-9.]+m)?(?:[0-9.]+s)?)?");

    private static final double[] FORMAT_UNITS = {86400, 3600, 60, 1, 1e-3};
    private static final String[] FORMAT_NAMES = {"d", "h", "m", "s", "ms"};

    private DurationText() {
    }

    /**
     * Parses a duration into seconds.
     *
     * @throws IllegalArgumentException when the text is not a finite non-negative duration as above
     */
    public static double parseSeconds(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (ISO.matcher(t).matches() && t.length() > 1 && !t.endsWith("t")) {
            return iso(text);
        }
        if (!FORMAT.matcher(t).matches()) {
            throw new IllegalArgumentException("expected " + ALLOWED + " (got \"" + text + "\")");
        }
        Matcher m = PART.matcher(t);
        double seconds = 0;
        double previousUnit = Double.POSITIVE_INFINITY;
        while (m.find()) {
            double value = Double.parseDouble(m.group(1));
            double unit = unitSeconds(m.group(2));
            if (unit >= previousUnit) {
                throw new IllegalArgumentException("expected the parts of a duration from the largest unit down, "
                        + "each unit once, e.g. 1h30m (got \"" + text + "\")");
            }
            previousUnit = unit;
            seconds += value * unit;
        }
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("expected a finite duration (got \"" + text + "\")");
        }
        return seconds;
    }

    private static double unitSeconds(String unit) {
        return switch (unit) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "m", "min" -> 60;
            case "h" -> 3600;
            default -> 86400;
        };
    }

    private static double iso(String text) {
        try {
            Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            return d.getSeconds() + d.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + ALLOWED + " (got \"" + text + "\")");
        }
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
