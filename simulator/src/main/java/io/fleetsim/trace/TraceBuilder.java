package io.fleetsim.trace;

import io.fleetsim.input.ScenarioException;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Collects parsed rows, then puts them in arrival order (stable, so rows with equal timestamps
 * keep their file order) and makes times relative to the first arrival.
 */
final class TraceBuilder {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final String source;
    private final TraceFormat format;
    private final boolean clockTime;
    private final boolean withPrefixBlocks;
    private long[] nanos = new long[1024];
    private int[] prompts = new int[1024];
    private int[] outputs = new int[1024];
    private int[][] blocks;
    private int size;

    TraceBuilder(String source, TraceFormat format, boolean clockTime, boolean withPrefixBlocks) {
        this.source = source;
        this.format = format;
        this.clockTime = clockTime;
        this.withPrefixBlocks = withPrefixBlocks;
        this.blocks = withPrefixBlocks ? new int[1024][] : null;
    }

    void add(long timestampNanos, int promptTokens, int outputTokens, int[] prefixBlocks) {
        if (size == nanos.length) {
            int capacity = size * 2;
            nanos = Arrays.copyOf(nanos, capacity);
            prompts = Arrays.copyOf(prompts, capacity);
            outputs = Arrays.copyOf(outputs, capacity);
            if (blocks != null) {
                blocks = Arrays.copyOf(blocks, capacity);
            }
        }
        nanos[size] = timestampNanos;
        prompts[size] = promptTokens;
        outputs[size] = outputTokens;
        if (blocks != null) {
            blocks[size] = prefixBlocks;
        }
        size++;
    }

    Trace build() {
        if (size == 0) {
            throw new ScenarioException(source, 0, "", "the trace has no requests");
        }
        int[] order = arrivalOrder();
        long first = nanos[order[0]];
        double[] seconds = new double[size];
        int[] p = new int[size];
        int[] o = new int[size];
        int[][] b = withPrefixBlocks ? new int[size][] : null;
        for (int i = 0; i < size; i++) {
            int row = order[i];
            seconds[i] = (nanos[row] - first) / NANOS_PER_SECOND;
            p[i] = prompts[row];
            o[i] = outputs[row];
            if (b != null) {
                b[i] = blocks[row];
            }
        }
        double startHour = clockTime ? Math.floorMod(first, NANOS_PER_DAY) / 3600e9 : Double.NaN;
        return new Trace(source, format, seconds, p, o, b, startHour);
    }

    private int[] arrivalOrder() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = nanos[i - 1] <= nanos[i];
        }
        if (sorted) {
            int[] identity = new int[size];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        Integer[] boxed = new Integer[size];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparingLong(i -> nanos[i]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
