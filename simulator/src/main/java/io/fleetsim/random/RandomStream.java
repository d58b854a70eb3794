package io.fleetsim.random;

import java.util.SplittableRandom;

/**
 * One named source of randomness. The variates are computed here from uniform draws with fixed
 * algorithms (inversion, Marsaglia's polar method), so a seed gives the same numbers on every JVM.
 */
public final class RandomStream {

    private final SplittableRandom uniform;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    RandomStream(long seed) {
        this.uniform = new SplittableRandom(seed);
    }

    /** Uniform on [0, 1). */
    public double nextDouble() {
        return uniform.nextDouble();
    }

    /** Uniform integer on [0, bound). */
    public int nextInt(int bound) {
        return uniform.nextInt(bound);
    }

    /** Exponential with the given mean. */
    public double nextExponential(double mean) {
        // Same bits as Math.log1p, without JDK 17's JNI call (see FdlibmLog1p).
        return -mean * FdlibmLog1p.log1p(-uniform.nextDouble());
    }

    /** Standard normal. */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform.nextDouble() - 1;
            v = 2 * uniform.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        // StrictMath, not Math: Math.log may differ by an ulp between JVMs and platforms.
        double factor = Math.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }
}
