package io.fleetsim.kernels;

import java.util.Arrays;

/**
 * Latencies measured on a rectangular grid of shapes (some cells possibly unmeasured),
 * interpolated multilinearly in log(shape) of log(latency): a kernel's time is close to a power
 * law of each dimension between two neighbouring measured shapes. Exact at measured points.
 * Outside the measured range a coordinate is clamped to the nearest edge and the lookup says so
 * ({@link #covers}); callers decide how to scale beyond it. Immutable, so safe to share.
 * The grid keeps the measurements as they are (a few are not monotone in the shape: timing noise
 * and tile effects); the step-time model makes its own precomputed tables monotone.
 */
public final class LogGrid {

    private final double[][] axes;
    private final double[][] logAxes;
    private final double[] logValues;
    private final int[] strides;

    /**
     * A grid over {@code axes} (each sorted ascending, positive) with {@code values} in row-major
     * order (last axis fastest), NaN where not measured.
     */
    public LogGrid(double[][] axes, double[] values) {
        int d = axes.length;
        this.axes = new double[d][];
        this.logAxes = new double[d][];
        this.strides = new int[d];
        int size = 1;
        for (int i = d - 1; i >= 0; i--) {
            this.axes[i] = axes[i].clone();
            this.logAxes[i] = Arrays.stream(axes[i]).map(Math::log).toArray();
            strides[i] = size;
            size *= axes[i].length;
        }
        if (values.length != size) {
            throw new IllegalArgumentException("grid of " + size + " cells given " + values.length + " values");
        }
        this.logValues = Arrays.stream(values).map(x -> x > 0 ? Math.log(x) : Double.NaN).toArray();
    }

    /** The measured values of axis {@code i}. */
    public double[] axis(int i) {
        return axes[i].clone();
    }

    /** Number of axes. */
    public int dimensions() {
        return axes.length;
    }

    /**
     * Interpolated latency at {@code x} (one coordinate per axis), or NaN when no corner of the
     * enclosing cell was measured. Corners not measured are left out and the weights of the
     * others renormalised.
     */
    public double at(double... x) {
        int d = axes.length;
        int[] lo = new int[d];
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            double[] a = axes[i];
            if (x[i] <= a[0]) {
                lo[i] = 0;
                w[i] = 0;
            } else if (x[i] >= a[a.length - 1]) {
                lo[i] = Math.max(0, a.length - 2);
                w[i] = a.length == 1 ? 0 : 1;
            } else {
                int j = Arrays.binarySearch(a, x[i]);
                if (j >= 0) {
                    lo[i] = Math.min(j, a.length - 2);
                    w[i] = j == lo[i] ? 0 : 1;
                } else {
                    int ins = -j - 1;
                    lo[i] = ins - 1;
                    double[] la = logAxes[i];
                    w[i] = (Math.log(x[i]) - la[lo[i]]) / (la[lo[i] + 1] - la[lo[i]]);
                }
            }
        }
        double sum = 0;
        double weight = 0;
        for (int corner = 0; corner < (1 << d); corner++) {
            double cw = 1;
            int at = 0;
            for (int i = 0; i < d; i++) {
                boolean up = (corner >> i & 1) == 1;
                double wi = up ? w[i] : 1 - w[i];
                if (wi == 0) {
                    cw = 0;
                    break;
                }
                cw *= wi;
                at += (lo[i] + (up ? 1 : 0)) * strides[i];
            }
            if (cw == 0 || Double.isNaN(logValues[at])) {
                continue;
            }
            sum += cw * logValues[at];
            weight += cw;
        }
        return weight == 0 ? Double.NaN : Math.exp(sum / weight);
    }

    /** Whether {@code x} lies inside the measured range on every axis (no clamping). */
    public boolean covers(double... x) {
        for (int i = 0; i < axes.length; i++) {
            double[] a = axes[i];
            if (x[i] < a[0] * (1 - 1e-9) || x[i] > a[a.length - 1] * (1 + 1e-9)) {
                return false;
            }
        }
        return true;
    }

    /** The largest measured value of axis {@code i}. */
    public double max(int i) {
        return axes[i][axes[i].length - 1];
    }
}
