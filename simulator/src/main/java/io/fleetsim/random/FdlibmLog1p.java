/*
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package io.fleetsim.random;

/**
 * A Java transcription of fdlibm's {@code s_log1p.c}, the algorithm that {@link StrictMath#log1p}
 * is specified to follow, so it returns the same bits for every argument.
 *
 * <p>Why it exists: on JDK 17 {@code StrictMath.log1p} (and {@code Math.log1p}, which delegates to
 * it) is a JNI call, and the transition cost about as much as the rest of an engine event in the
 * M/M/c benchmark. Keeping the exact fdlibm arithmetic keeps every seeded exponential variate
 * unchanged. JDK 21 ports the same routine to Java, after which this class can be dropped.
 *
 * <p>Method, from the fdlibm source: reduce {@code 1+x = 2^k (1+f)} with
 * {@code sqrt(2)/2 < 1+f < sqrt(2)}, carry a correction term {@code c} for the rounding of
 * {@code 1+x}, then {@code log(1+f) = f - s(f - R)} with {@code s = f/(2+f)} and {@code R} a
 * degree-14 minimax polynomial in {@code s}.
 */
final class FdlibmLog1p {

    private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
    private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
    private static final double LP1 = Double.longBitsToDouble(0x3fe5555555555593L);
    private static final double LP2 = Double.longBitsToDouble(0x3fd999999997fa04L);
    private static final double LP3 = Double.longBitsToDouble(0x3fd2492494229359L);
    private static final double LP4 = Double.longBitsToDouble(0x3fcc71c51d8e78afL);
    private static final double LP5 = Double.longBitsToDouble(0x3fc7466496cb03deL);
    private static final double LP6 = Double.longBitsToDouble(0x3fc39a09d078c69fL);
    private static final double LP7 = Double.longBitsToDouble(0x3fc2f112df3e5244L);

    private FdlibmLog1p() {
    }

    /** {@code log(1 + x)}, bit for bit equal to {@link StrictMath#log1p(double)}. */
    static double log1p(double x) {
        int hx = highWord(x);
        int ax = hx & 0x7fffffff;
        double f = 0;
        double c = 0;
        int hu = 0;
        int k = 1;
        if (hx < 0x3fda827a) {
            // x < 0.41422
            if (ax >= 0x3ff00000) {
                return x == -1.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
            if (ax < 0x3e200000) {
                // |x| < 2^-29: the series' first terms are exact enough
                return ax < 0x3c900000 ? x : x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) {
                // -0.2929 < x < 0.41422: no reduction needed
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = highWord(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            } else {
                u = x;
                hu = highWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHighWord(u, hu | 0x3ff00000);
            } else {
                k += 1;
                u = withHighWord(u, hu | 0x3fe00000);
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) {
            // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static double withHighWord(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
    }
}
