package io.fleetsim.trace;

import io.fleetsim.input.DurationText;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A recorded request trace, in arrival order: when each request arrived (seconds after the first
 * one) and its prompt and output lengths, plus, for Mooncake traces, the ids of its prefix blocks
 * (equal ids are the same cached KV blocks). Immutable; built by {@link TraceReader}. Columns are
 * kept in primitive arrays because traces are replayed and summarized row by row.
 */
public final class Trace {

    private final String source;
    private final TraceFormat format;
    private final double[] arrivalSeconds;
    private final int[] promptTokens;
    private final int[] outputTokens;
    private final int[][] prefixBlocks;
    private final double startHourOfDay;

    Trace(String source, TraceFormat format, double[] arrivalSeconds, int[] promptTokens, int[] outputTokens,
          int[][] prefixBlocks, double startHourOfDay) {
        this.source = source;
        this.format = format;
        this.arrivalSeconds = arrivalSeconds;
        this.promptTokens = promptTokens;
        this.outputTokens = outputTokens;
        this.prefixBlocks = prefixBlocks;
        this.startHourOfDay = startHourOfDay;
    }

    /** The file as the user named it. */
    public String source() {
        return source;
    }

    /** How the file was laid out. */
    public TraceFormat format() {
        return format;
    }

    /** Number of requests (at least 1). */
    public int size() {
        return arrivalSeconds.length;
    }

    /** Arrival time of request {@code i}, in seconds after the first arrival (non-decreasing in i). */
    public double arrivalSeconds(int i) {
        return arrivalSeconds[i];
    }

    /** Recorded prompt length of request {@code i}. */
    public int promptTokens(int i) {
        return promptTokens[i];
    }

    /** Recorded output length of request {@code i}. */
    public int outputTokens(int i) {
        return outputTokens[i];
    }

    /** Seconds from the first to the last arrival. */
    public double spanSeconds() {
        return arrivalSeconds[arrivalSeconds.length - 1];
    }

    /** True when rows carry prefix-block ids (Mooncake). */
    public boolean hasPrefixBlocks() {
        return prefixBlocks != null;
    }

    /** Number of prefix blocks of request {@code i} (0 without {@link #hasPrefixBlocks()}). */
    public int prefixBlockCount(int i) {
        return prefixBlocks == null ? 0 : prefixBlocks[i].length;
    }

    /** The {@code j}-th prefix-block id of request {@code i}, from the start of its prompt. */
    public int prefixBlock(int i, int j) {
        return prefixBlocks[i][j];
    }

    /** Hour of day (0 to 24) of the first arrival, when timestamps are wall-clock times. */
    public OptionalDouble startHourOfDay() {
        return Double.isNaN(startHourOfDay) ? OptionalDouble.empty() : OptionalDouble.of(startHourOfDay);
    }

    /** File name without its folders. */
    public String fileName() {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }

    /** One line for reports, e.g. {@code azure2023 trace conv.csv (19,366 requests over 58.4m)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s trace %s (%,d requests over %s)", format.id(), fileName(), size(),
                DurationText.format(spanSeconds()));
    }
}
