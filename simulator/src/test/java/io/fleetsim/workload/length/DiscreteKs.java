package io.fleetsim.workload.length;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The Kolmogorov-Smirnov test of whole-number samples against the CDF of a whole-number
 * distribution. commons-math3's own statistic assumes a continuous CDF and, with ties, compares
 * the sample just below a value with the CDF at it, overstating the distance by up to that
 * value's probability; here both sides of every step are compared exactly. The p-value is
 * commons-math3's (continuous) KS distribution, which is conservative for discrete data.
 */
final class DiscreteKs {

    private DiscreteKs() {
    }

    /** sup |F_n - F| for samples against {@code cdf(k) = P(L <= k)}. */
    static double statistic(int[] sample, IntToDoubleFunction cdf) {
        int[] x = sample.clone();
        Arrays.sort(x);
        double n = x.length;
        double d = 0;
        int i = 0;
        while (i < x.length) {
            int k = x[i];
            int j = i;
            while (j < x.length && x[j] == k) {
                j++;
            }
            d = Math.max(d, Math.abs(i / n - cdf.applyAsDouble(k - 1)));
            d = Math.max(d, Math.abs(j / n - cdf.applyAsDouble(k)));
            i = j;
        }
        return d;
    }

    /** The p-value of the KS test of {@code sample} against {@code cdf}. */
    static double pValue(int[] sample, IntToDoubleFunction cdf) {
        return 1 - new KolmogorovSmirnovTest().cdf(statistic(sample, cdf), sample.length);
    }
}
