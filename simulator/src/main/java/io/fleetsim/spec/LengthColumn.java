package io.fleetsim.spec;

import java.util.Arrays;

/**
 * Token counts read from one column of a dataset file, optionally with a weight per row (a
 * histogram: each value drawn in proportion to its weight). Immutable; rows keep the file's order,
 * so two columns of one file stay paired row by row.
 */
public final class LengthColumn {

    private final String source;
    private final int[] tokens;
    private final double[] weights;

    private LengthColumn(String source, int[] tokens, double[] weights) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("no rows in " + source);
        }
        if (weights != null && weights.length != tokens.length) {
            throw new IllegalArgumentException("one weight per row needed in " + source);
        }
        this.source = source;
        this.tokens = tokens.clone();
        this.weights = weights == null ? null : weights.clone();
    }

    /** A column whose rows are equally likely. */
    public static LengthColumn of(String source, int[] tokens) {
        return new LengthColumn(source, tokens, null);
    }

    /** A histogram: row {@code i} holds the length {@code tokens[i]} with weight {@code weights[i]}. */
    public static LengthColumn weighted(String source, int[] tokens, double[] weights) {
        return new LengthColumn(source, tokens, weights);
    }

    /** Where the values came from, e.g. {@code scenarios/datasets/x.csv, column input_tokens}. */
    public String source() {
        return source;
    }

    /** Number of rows. */
    public int size() {
        return tokens.length;
    }

    /** The length in row {@code row}. */
    public int tokens(int row) {
        return tokens[row];
    }

    /** True when rows carry weights; otherwise every row counts once. */
    public boolean isWeighted() {
        return weights != null;
    }

    /** The weight of row {@code row} (1 for every row of an unweighted column). */
    public double weight(int row) {
        return weights == null ? 1 : weights[row];
    }

    /** The (weighted) mean length. */
    public double mean() {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < tokens.length; i++) {
            sum += weight(i) * tokens[i];
            total += weight(i);
        }
        return sum / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LengthColumn c && source.equals(c.source) && Arrays.equals(tokens, c.tokens)
                && Arrays.equals(weights, c.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source.hashCode() + Arrays.hashCode(tokens)) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return source + " (" + tokens.length + " rows" + (weights == null ? "" : ", weighted") + ")";
    }
}
