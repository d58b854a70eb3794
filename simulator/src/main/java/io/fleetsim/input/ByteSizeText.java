package io.fleetsim.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes written with a unit: decimal ({@code 80GB} = 80e9 bytes) or binary
 * ({@code 80GiB} = 80 x 2^30 bytes).
 */
public final class ByteSizeText {

    /** What the error messages say is allowed. */
    public static final String ALLOWED = "a size with a unit: B, KB, MB, GB, TB, KiB, MiB, GiB or TiB (e.g. 80GB)";

    private static final Pattern FORMAT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?)\\s*([kmgt]i?)?b\\s*");

    private ByteSizeText() {
    }

    /**
     * Parses a size into bytes.
     *
     * @throws IllegalArgumentException when the text is not a non-negative number with a unit
     */
    public static double parseBytes(String text) {
        Matcher m = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + ALLOWED + " (got \"" + text + "\")");
        }
        double value = Double.parseDouble(m.group(1));
        String prefix = m.group(2) == null ? "" : m.group(2);
        boolean binary = prefix.endsWith("i");
        int power = switch (prefix.isEmpty() ? ' ' : prefix.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return value * Math.pow(binary ? 1024 : 1000, power);
    }
}
