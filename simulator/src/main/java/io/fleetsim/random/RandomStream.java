package io.fleetsim.random;

import java.util.SplittableRandom;

/**
 * One named source of randomness on a {@link SplittableRandom}. Variates come from fixed, pure-Java
 * algorithms, so a seed gives the same numbers on every platform: Marsaglia's polar method for
 * normals (with {@link StrictMath}), and for exponentials the JDK's modified ziggurat
 * ({@code RandomGenerator.nextExponential}, pure Java since JDK 17), about three times faster than
 * inversion through a logarithm, which matters because every arrival and service draws one.
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

    /** Exponential with the given mean (the JDK's ziggurat, see the class comment). */
    public double nextExponential(double mean) {
        return mean * uniform.nextExponential();
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
