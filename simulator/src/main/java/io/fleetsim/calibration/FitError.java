package io.fleetsim.calibration;

import java.util.Arrays;
import java.util.List;

/**
 * How far predictions are from measured points: the median and 90th percentile of the absolute
 * percentage error |predicted - measured| / measured, separately for the prefill time and for the
 * per-token time. Errors are fractions (0.05 is 5%); percentiles interpolate linearly between order
 * statistics.
 *
 * @param points          measured points compared
 * @param prefillMedian   median absolute percentage error of the prefill time
 * @param prefillP90      its 90th percentile
 * @param perTokenMedian  median absolute percentage error of the per-token time
 * @param perTokenP90     its 90th percentile
 */
public record FitError(int points, double prefillMedian, double prefillP90, double perTokenMedian,
                       double perTokenP90) {

    /** The error of {@code predictor} on {@code measured}, which must not be empty. */
    public static FitError of(List<Measurement> measured, StepTimePredictor predictor) {
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("no points to compare");
        }
        double[] prefill = new double[measured.size()];
        double[] perToken = new double[measured.size()];
        for (int i = 0; i < prefill.length; i++) {
            Measurement m = measured.get(i);
            StepTimePredictor.Prediction p = predictor.predict(m.configuration());
            prefill[i] = Math.abs(p.prefillSeconds() - m.prefillSeconds()) / m.prefillSeconds();
            perToken[i] = Math.abs(p.perTokenSeconds() - m.perTokenSeconds()) / m.perTokenSeconds();
        }
        Arrays.sort(prefill);
        Arrays.sort(perToken);
        return new FitError(prefill.length, percentile(prefill, 0.5), percentile(prefill, 0.9),
                percentile(perToken, 0.5), percentile(perToken, 0.9));
    }

    private static double percentile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
