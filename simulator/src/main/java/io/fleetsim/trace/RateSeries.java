package io.fleetsim.trace;

import java.util.Arrays;

/**
 * Arrivals per second in consecutive bins of equal width from the first arrival. Only whole bins
 * are kept, so a partial last bin does not look like a lull.
 */
public final class RateSeries {

    private final double binSeconds;
    private final double[] rates;
    private final double[] sorted;

    private RateSeries(double binSeconds, double[] rates) {
        this.binSeconds = binSeconds;
        this.rates = rates;
        this.sorted = rates.clone();
        Arrays.sort(sorted);
    }

    /** The series of {@code trace} in bins of {@code binSeconds}. */
    public static RateSeries of(Trace trace, double binSeconds) {
        int bins = (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(trace.spanSeconds() / binSeconds));
        double[] rates = new double[bins];
        for (int i = 0; i < trace.size(); i++) {
            int bin = (int) (trace.arrivalSeconds(i) / binSeconds);
            if (bin < bins) {
                rates[bin] += 1 / binSeconds;
            }
        }
        return new RateSeries(binSeconds, rates);
    }

    /** Bin width. */
    public double binSeconds() {
        return binSeconds;
    }

    /** Number of whole bins (0 when the trace is shorter than one bin). */
    public int size() {
        return rates.length;
    }

    /** Arrivals per second in bin {@code i}, which starts {@code i x binSeconds} after the first arrival. */
    public double rate(int i) {
        return rates[i];
    }

    /** Mean over the bins (NaN without bins). */
    public double mean() {
        return rates.length == 0 ? Double.NaN : Arrays.stream(rates).sum() / rates.length;
    }

    /** Nearest-rank percentile over the bins, {@code p} in (0, 1] (NaN without bins). */
    public double percentile(double p) {
        return rates.length == 0 ? Double.NaN : Quantiles.of(sorted, p);
    }

    /** The busiest bin's rate (NaN without bins). */
    public double peak() {
        return rates.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** Peak over mean: how much capacity above the average the busiest bin needs. */
    public double peakToMean() {
        return peak() / mean();
    }
}
