package io.fleetsim.calibration;

/**
 * How far predicted capacity at the SLO knee was from measured capacity on deployments a fit never
 * saw: percentiles of predicted / measured over the measured latency curves (1.0 is exact; above
 * 1, fleetsim promised more than the deployment delivered).
 *
 * @param curves curves compared
 * @param p10    10th percentile of the ratio
 * @param median median ratio
 * @param p90    90th percentile of the ratio
 */
public record CapacityRatio(int curves, double p10, double median, double p90) {

    /** Rejects an empty or unordered band. */
    public CapacityRatio {
        if (curves < 1 || !(p10 >= 0) || !(p10 <= median) || !(median <= p90) || Double.isInfinite(p90)) {
            throw new IllegalArgumentException("capacity ratio needs curves >= 1 and 0 <= p10 <= median <= p90, got "
                    + curves + " " + p10 + " " + median + " " + p90);
        }
    }

    /** This band with each ratio rounded to 1e-3, as a profiles file states it. */
    public CapacityRatio rounded() {
        return new CapacityRatio(curves, round(p10), round(median), round(p90));
    }

    private static double round(double ratio) {
        return java.math.BigDecimal.valueOf(ratio).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
