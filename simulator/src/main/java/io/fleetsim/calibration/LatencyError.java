package io.fleetsim.calibration;

/**
 * How far simulated end-to-end latencies are from measured benchmark points: the median and 90th
 * percentile of the absolute percentage error |predicted - measured| / measured of the mean TTFT
 * and of the mean TPOT (fractions: 0.05 is 5 %).
 *
 * @param points     points compared
 * @param ttftMedian median error of the mean time to first token
 * @param ttftP90    its 90th percentile
 * @param tpotMedian median error of the mean time per output token
 * @param tpotP90    its 90th percentile
 */
public record LatencyError(int points, double ttftMedian, double ttftP90, double tpotMedian, double tpotP90) {

    /** This error with each figure rounded to a hundredth of a percent, as a profiles file states it. */
    public LatencyError rounded() {
        return new LatencyError(points, round(ttftMedian), round(ttftP90), round(tpotMedian), round(tpotP90));
    }

    /** A fraction rounded to 1e-4 (a hundredth of a percent). */
    private static double round(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
