package io.fleetsim.workload.length;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.LengthColumn;
import io.fleetsim.workload.LengthSampler;
import java.util.Arrays;

/**
 * Resamples a dataset column: a uniformly chosen row, or for a histogram a row chosen in
 * proportion to its weight (binary search over the cumulative weights).
 */
public final class EmpiricalSampler implements LengthSampler {

    private final LengthColumn column;
    /** Cumulative weights, or null when every row is equally likely. */
    private final double[] cumulative;
    /** The last row with weight > 0, for a draw that rounds up to the total weight. */
    private final int lastRow;
    private final RandomStream stream;

    /** A sampler of {@code column} drawing from {@code stream}. */
    public EmpiricalSampler(LengthColumn column, RandomStream stream) {
        this.column = column;
        this.stream = stream;
        if (column.isWeighted()) {
            cumulative = new double[column.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += column.weight(i);
                cumulative[i] = sum;
            }
            int last = cumulative.length - 1;
            while (column.weight(last) == 0) {
                last--;
            }
            lastRow = last;
        } else {
            cumulative = null;
            lastRow = column.size() - 1;
        }
    }

    @Override
    public int sample() {
        if (cumulative == null) {
            return column.tokens(stream.nextInt(column.size()));
        }
        double u = stream.nextDouble() * cumulative[cumulative.length - 1];
        return column.tokens(firstAbove(u));
    }

    /** The first row whose cumulative weight exceeds {@code u}; rows of weight 0 are never it. */
    private int firstAbove(double u) {
        int i = Arrays.binarySearch(cumulative, u);
        if (i < 0) {
            i = -i - 1;
        }
        // An exact hit lands on some row ending at u; the answer is the next row with more weight.
        while (i <= lastRow && cumulative[i] <= u) {
            i++;
        }
        return Math.min(i, lastRow);
    }
}
