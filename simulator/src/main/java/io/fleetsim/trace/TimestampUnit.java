package io.fleetsim.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a trace's timestamp column is written: a number in a unit, or a wall-clock date and time.
 * Timestamps become whole nanoseconds so that subtracting the first one is exact (a 2023 date in
 * 100 ns ticks does not fit a double's 53-bit mantissa).
 */
public enum TimestampUnit {
    /** Seconds, possibly fractional. */
    S(1_000_000_000L),
    /** Milliseconds, possibly fractional. */
    MS(1_000_000L),
    /** Microseconds, possibly fractional. */
    US(1_000L),
    /** Nanoseconds. */
    NS(1L),
    /**
     * A date and time, {@code 2023-11-16 18:15:46.6805900} (or with a {@code T}), read as UTC; or
     * with a zone, {@code 2025-03-01T10:00:00.120Z} or {@code ...+01:00}, read as the instant it names
     * (so hours of day are UTC hours).
     */
    DATETIME(0L);

    /** What the error messages say is allowed. */
    public static final String ALLOWED = "s, ms, us, ns, datetime";

    /** A zone at the end of a date and time: {@code Z}, {@code +01:00}, {@code -0500}. */
    private static final Pattern ZONED = Pattern.compile("(?:[zZ]|[+-]\\d{2}(?::?\\d{2})?)$");

    private final long nanosPerUnit;

    TimestampUnit(long nanosPerUnit) {
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The name used in scenario files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for wall-clock timestamps, which also say the hour of day. */
    public boolean isClockTime() {
        return this == DATETIME;
    }

    /**
     * The timestamp in nanoseconds (since the epoch for {@link #DATETIME}, read as UTC).
     *
     * @throws IllegalArgumentException with what is allowed, when the text is not a timestamp
     */
    public long toNanos(String text) {
        String t = text.trim();
        if (this == DATETIME) {
            try {
                String iso = t.replace(' ', 'T');
                // with a zone (Z, +01:00) the instant it names; without one, the clock time read as UTC
                LocalDateTime time = ZONED.matcher(iso).find()
                        ? OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                        : LocalDateTime.parse(iso);
                return Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), 1_000_000_000L) + time.getNano();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException("must be a date and time like 2023-11-16 18:15:46.68 or "
                        + "2025-03-01T10:00:00.120Z (got \"" + text + "\")");
            }
        }
        try {
            return new BigDecimal(t).multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a number of " + id() + " (got \"" + text + "\")");
        }
    }

    /** The unit with this id. */
    public static TimestampUnit fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
