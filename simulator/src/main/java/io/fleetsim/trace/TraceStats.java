package io.fleetsim.trace;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * What a planner needs to know about a trace: volume, rate over time, burstiness, lengths and
 * prefix reuse.
 *
 * @param requests        number of requests
 * @param spanSeconds     first to last arrival
 * @param perSecond       arrivals per second in 1 s bins
 * @param perMinute       arrivals per second in 1 min bins
 * @param interArrivalCv  coefficient of variation of the gaps between arrivals (1 for Poisson)
 * @param prompt          prompt lengths
 * @param output          output lengths
 * @param lengthPearson   Pearson correlation of prompt and output lengths
 * @param lengthSpearman  Spearman (rank) correlation of prompt and output lengths
 * @param prefixReuse     prefix-block reuse, for traces with prefix blocks
 */
public record TraceStats(int requests, double spanSeconds, RateSeries perSecond, RateSeries perMinute,
                         double interArrivalCv, LengthSummary prompt, LengthSummary output, double lengthPearson,
                         double lengthSpearman, Optional<PrefixReuse> prefixReuse) {

    /** The statistics of {@code trace}. */
    public static TraceStats of(Trace trace) {
        int n = trace.size();
        double[] prompts = new double[n];
        double[] outputs = new double[n];
        for (int i = 0; i < n; i++) {
            prompts[i] = trace.promptTokens(i);
            outputs[i] = trace.outputTokens(i);
        }
        return new TraceStats(n, trace.spanSeconds(), RateSeries.of(trace, 1), RateSeries.of(trace, 60),
                gapCv(trace, null), LengthSummary.of(prompts), LengthSummary.of(outputs),
                n < 2 ? Double.NaN : new PearsonsCorrelation().correlation(prompts, outputs),
                n < 2 ? Double.NaN : new SpearmansCorrelation().correlation(prompts, outputs),
                trace.hasPrefixBlocks() ? Optional.of(PrefixReuse.of(trace)) : Optional.empty());
    }

    /** Mean arrivals per second over the span (NaN when it is 0). */
    public double meanRatePerSecond() {
        return spanSeconds > 0 ? requests / spanSeconds : Double.NaN;
    }

    /**
     * Coefficient of variation of the gaps; with {@code relativeRate}, each gap is first scaled by
     * the relative rate at its start, measuring burstiness in operational time rather than the
     * rate's variation over the day.
     */
    static double gapCv(Trace trace, DoubleUnaryOperator relativeRate) {
        int gaps = trace.size() - 1;
        if (gaps < 2) {
            return Double.NaN;
        }
        double sum = 0;
        double sumSquares = 0;
        for (int i = 1; i <= gaps; i++) {
            double g = trace.arrivalSeconds(i) - trace.arrivalSeconds(i - 1);
            if (relativeRate != null) {
                g *= relativeRate.applyAsDouble(trace.arrivalSeconds(i - 1));
            }
            sum += g;
            sumSquares += g * g;
        }
        double mean = sum / gaps;
        double variance = (sumSquares - gaps * mean * mean) / (gaps - 1);
        return Math.sqrt(Math.max(0, variance)) / mean;
    }
}
