package io.fleetsim.workload.arrival;

/**
 * {@link StrictMath#cos} computed in Java by the same algorithm (fdlibm's {@code cos}: argument
 * reduction by pi/2 in two or three pieces, then the minimax polynomials of {@code __kernel_cos}
 * and {@code __kernel_sin}), so every result is bit for bit the one {@code StrictMath} gives, while
 * the JIT compiles it inline instead of calling native code. Java 17's {@code StrictMath.cos} is a
 * native call into fdlibm, a good part of the cost of generating diurnal arrivals, which evaluate
 * the rate several times per request. Only arguments up to 9 pi / 4 in magnitude are reduced here
 * (a daily cycle needs at most 2 pi); others go to {@code StrictMath}.
 */
final class StrictCosine {

    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;

    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;

    private static final double INV_PIO2 = 6.36619772367581382433e-01;
    private static final double PIO2_1 = 1.57079632673412561417e+00;
    private static final double PIO2_1T = 6.07710050650619224932e-11;
    private static final double PIO2_2 = 6.07710050630396597660e-11;
    private static final double PIO2_2T = 2.02226624879595063154e-21;
    private static final double PIO2_3 = 2.02226624871116645580e-21;
    private static final double PIO2_3T = 8.47842766036889956997e-32;

    /** High words of n pi / 2 for n = 1..4 (fdlibm's {@code npio2_hw}), where the reduction checks for cancellation. */
    private static final int[] NPIO2_HW = {0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB};

    /** High word of pi / 4: below it no reduction. */
    private static final int PIO4_HW = 0x3FE921FB;
    /** High word of 3 pi / 4: below it the reduction subtracts one pi / 2. */
    private static final int PIO34_HW = 0x4002D97C;
    /** High word just under 9 pi / 4: the reduction here yields n <= 4. */
    private static final int LIMIT_HW = 0x401C463A;

    private StrictCosine() {
    }

    /** {@code StrictMath.cos(x)}, bit for bit. */
    static double cos(double x) {
        int ix = highWord(x) & 0x7FFFFFFF;
        if (ix <= PIO4_HW) {
            return kernelCos(x, 0);
        }
        if (ix >= LIMIT_HW) {
            return StrictMath.cos(x);
        }
        // reduce: x = n pi/2 + (y0 + y1)
        int hx = highWord(x);
        double y0;
        double y1;
        int n;
        if (ix < PIO34_HW) {
            if (hx > 0) {
                double z = x - PIO2_1;
                if (ix != 0x3FF921FB) {
                    y0 = z - PIO2_1T;
                    y1 = (z - y0) - PIO2_1T;
                } else {
                    z -= PIO2_2;
                    y0 = z - PIO2_2T;
                    y1 = (z - y0) - PIO2_2T;
                }
                n = 1;
            } else {
                double z = x + PIO2_1;
                if (ix != 0x3FF921FB) {
                    y0 = z + PIO2_1T;
                    y1 = (z - y0) + PIO2_1T;
                } else {
                    z += PIO2_2;
                    y0 = z + PIO2_2T;
                    y1 = (z - y0) + PIO2_2T;
                }
                n = -1;
            }
        } else {
            double t = Math.abs(x);
            int m = (int) (t * INV_PIO2 + 0.5);
            double fn = m;
            double r = t - fn * PIO2_1;
            double w = fn * PIO2_1T;
            if (ix != NPIO2_HW[m - 1]) {
                y0 = r - w;
            } else {
                int j = ix >> 20;
                y0 = r - w;
                int i = j - ((highWord(y0) >> 20) & 0x7FF);
                if (i > 16) {
                    t = r;
                    w = fn * PIO2_2;
                    r = t - w;
                    w = fn * PIO2_2T - ((t - r) - w);
                    y0 = r - w;
                    i = j - ((highWord(y0) >> 20) & 0x7FF);
                    if (i > 49) {
                        t = r;
                        w = fn * PIO2_3;
                        r = t - w;
                        w = fn * PIO2_3T - ((t - r) - w);
                        y0 = r - w;
                    }
                }
            }
            y1 = (r - y0) - w;
            if (hx < 0) {
                y0 = -y0;
                y1 = -y1;
                n = -m;
            } else {
                n = m;
            }
        }
        switch (n & 3) {
            case 0:
                return kernelCos(y0, y1);
            case 1:
                return -kernelSin(y0, y1);
            case 2:
                return -kernelCos(y0, y1);
            default:
                return kernelSin(y0, y1);
        }
    }

    /** fdlibm's {@code __kernel_cos(x, y)} on [-pi/4, pi/4], y the tail of x. */
    private static double kernelCos(double x, double y) {
        int ix = highWord(x) & 0x7FFFFFFF;
        if (ix < 0x3E400000 && (int) x == 0) {
            return 1.0;
        }
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < 0x3FD33333) {
            return 1.0 - (0.5 * z - (z * r - x * y));
        }
        double qx = ix > 0x3FE90000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x00200000) << 32);
        double hz = 0.5 * z - qx;
        double a = 1.0 - qx;
        return a - (hz - (z * r - x * y));
    }

    /** fdlibm's {@code __kernel_sin(x, y, 1)} on [-pi/4, pi/4], y the tail of x. */
    private static double kernelSin(double x, double y) {
        int ix = highWord(x) & 0x7FFFFFFF;
        if (ix < 0x3E400000 && (int) x == 0) {
            return x;
        }
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }
}
